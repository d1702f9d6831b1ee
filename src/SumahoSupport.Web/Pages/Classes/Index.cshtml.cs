using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Hosting;

namespace SumahoSupport.Web.Pages.Classes;

[AllowAnonymous]
[OutputCache(PolicyName = CatalogCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>A page a resident reads through on a phone; the links below it lead on.</summary>
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public ClassFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<ClassListItem> Classes { get; private set; } = Paged<ClassListItem>.Empty(PageSize);

    public IReadOnlyList<(int Id, string Name)> Venues { get; private set; } = [];

    public IReadOnlyList<string> Topics { get; private set; } = [];

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public IReadOnlyList<(string Label, DateOnly From, DateOnly To)> Shortcuts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Filter.From > Filter.To) ModelState.AddModelError("Filter.To", "「いつまで」は「いつから」より後の日にしてください。");
        // A filter that could not be read is shown with its message, and the list is shown unfiltered.
        var filter = ModelState.IsValid ? Filter : null;
        (Classes, var changesAt) = await ClassListItem.PageAsync(db, clock.GetUtcNow().UtcDateTime, filter, PageNumber, PageSize, ct);
        HttpContext.ChangesAt(changesAt);
        var today = Core.Text.JapaneseTime.TodayInTokyo(clock);
        Shortcuts = ClassFilter.Shortcuts(today);
        // 今週・来週・今月 are other dates tomorrow.
        HttpContext.ChangesAt(Core.Text.JapaneseTime.TokyoDay(today).Until);
        Venues = await Shared.VenueChoices.LoadAsync(db, ct);
        Areas = await db.Venues.AsNoTracking().Where(v => v.Area != null && v.RetiredAtUtc == null).Select(v => v.Area!).Distinct().OrderBy(a => a).ToListAsync(ct);
        Topics = await db.Courses.AsNoTracking().Where(c => c.IsActive).Select(c => c.Topic).Distinct().OrderBy(t => t).ToListAsync(ct);
    }
}
