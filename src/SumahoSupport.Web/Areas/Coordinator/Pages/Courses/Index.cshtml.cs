using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Courses;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Row> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Courses = await db.Courses.AsNoTracking()
            .OrderByDescending(c => c.IsActive).ThenBy(c => c.Topic).ThenBy(c => c.Title)
            .Select(c => new Row(c.Id, c.Title, c.Topic, c.Level, c.TargetOs, c.DurationMinutes, c.DefaultCapacity, c.LearningGoals.Count, c.IsActive))
            .ToListAsync(ct);

    public sealed record Row(int Id, string Title, string Topic, CourseLevel Level, TargetOs TargetOs, int Minutes, int Capacity, int Goals, bool IsActive);
}
