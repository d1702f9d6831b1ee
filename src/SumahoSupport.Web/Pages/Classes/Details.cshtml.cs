using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Hosting;

namespace SumahoSupport.Web.Pages.Classes;

[AllowAnonymous]
[OutputCache(PolicyName = CatalogCachePolicy.Name)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public ClassDetails Class { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await ClassDetails.FindAsync(db, id, clock.GetUtcNow().UtcDateTime, ct);
        if (found is null) return NotFound();
        Class = found;
        HttpContext.ChangesAt(found.Seats.OpenUntilUtc);
        return Page();
    }
}
