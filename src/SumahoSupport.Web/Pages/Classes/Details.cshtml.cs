using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Classes;

[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public ClassDetails Class { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await ClassDetails.FindAsync(db, id, clock.GetUtcNow().UtcDateTime, ct);
        if (found is null) return NotFound();
        Class = found;
        return Page();
    }
}
