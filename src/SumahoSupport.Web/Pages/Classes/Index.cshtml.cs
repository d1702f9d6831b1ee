using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Classes;

[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>About three months of classes in a busy city; more than anyone scrolls through.</summary>
    private const int MaxClassesListed = 200;

    public IReadOnlyList<ClassListItem> Classes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Classes = await ClassListItem.UpcomingAsync(db, clock.GetUtcNow().UtcDateTime, MaxClassesListed, ct);
}
