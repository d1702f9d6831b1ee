using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Pages.Classes;

namespace SumahoSupport.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private const int NextClassesShown = 6;

    public IReadOnlyList<ClassListItem> NextClasses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        NextClasses = await ClassListItem.UpcomingAsync(db, clock.GetUtcNow().UtcDateTime, NextClassesShown, ct);
}
