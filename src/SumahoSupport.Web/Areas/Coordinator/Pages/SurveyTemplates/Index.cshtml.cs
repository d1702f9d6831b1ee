using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.SurveyTemplates;

/// <summary>アンケートのひな形: each template, how many courses use it, and what it asks.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<(SurveyTemplate Template, int Courses)> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var templates = await db.SurveyTemplates.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var uses = await db.Courses.GroupBy(c => c.SurveyTemplateId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count, ct);
        // Courses without a choice use the standard template.
        Templates = [.. templates.Select(t => (t, uses.GetValueOrDefault(t.Id) + (t.Code == SurveyTemplate.StandardCode ? uses.GetValueOrDefault(0) : 0)))];
    }
}
