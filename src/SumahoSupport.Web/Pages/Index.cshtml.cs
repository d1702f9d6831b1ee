using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Hosting;
using SumahoSupport.Web.Pages.Classes;

namespace SumahoSupport.Web.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = CatalogCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private const int NextClassesShown = 6;

    public IReadOnlyList<ClassListItem> NextClasses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        NextClasses = await ClassListItem.UpcomingAsync(db, clock.GetUtcNow().UtcDateTime, NextClassesShown, ct);
        HttpContext.ChangesAt(ClassListItem.ChangesAtUtc(NextClasses, NextClasses.FirstOrDefault()?.StartsAtUtc));
    }
}
