using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Supporter.Pages;

public static class CurrentSupporter
{
    /// <summary>The supporter record of the signed-in account; null for a login without one.</summary>
    public static Task<int?> SupporterIdAsync(this AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.Supporters.Where(s => s.UserId == userId).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
    }
}
