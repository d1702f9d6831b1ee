using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Classes;

[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>About three months of classes in a busy city; more than anyone scrolls through.</summary>
    private const int MaxClassesListed = 200;

    [BindProperty(SupportsGet = true)] public ClassFilter Filter { get; set; } = new();

    public IReadOnlyList<ClassListItem> Classes { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Venues { get; private set; } = [];

    public IReadOnlyList<string> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Filter.From > Filter.To) ModelState.AddModelError("Filter.To", "「いつまで」は「いつから」より後の日にしてください。");
        // A filter that could not be read is shown with its message, and the list is shown unfiltered.
        var filter = ModelState.IsValid ? Filter : null;
        Classes = await ClassListItem.UpcomingAsync(db, clock.GetUtcNow().UtcDateTime, MaxClassesListed, ct, filter);
        Venues = await Shared.VenueChoices.LoadAsync(db, ct);
        Topics = await db.Courses.AsNoTracking().Where(c => c.IsActive).Select(c => c.Topic).Distinct().OrderBy(t => t).ToListAsync(ct);
    }
}
