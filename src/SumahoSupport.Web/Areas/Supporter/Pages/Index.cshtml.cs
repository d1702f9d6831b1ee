using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Areas.Supporter.Pages;

public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public Profile? Me { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        Me = await db.Supporters.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => new Profile(s.Name, s.Status, s.Area, s.KnowsAndroid, s.KnowsIPhone))
            .SingleOrDefaultAsync(ct);
    }

    public sealed record Profile(string Name, SupporterStatus Status, string? Area, bool KnowsAndroid, bool KnowsIPhone);
}
