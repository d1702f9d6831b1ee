using SumahoSupport.Core.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Admin.Pages;

/// <summary>管理: the way to the accounts and the audit trail, with what needs attention.</summary>
public sealed class IndexModel(AppDbContext db, SignInThrottle throttle, TimeProvider clock) : PageModel
{
    public int Accounts { get; private set; }

    public int Stopped { get; private set; }

    public int Locked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Accounts = await db.Users.CountAsync(ct);
        Stopped = await db.Users.CountAsync(u => u.DisabledAtUtc != null, ct);
        var lockedByAdministrator = (await db.Users.Where(u => u.LockoutEnd != null).Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(ct))
            .Where(u => u.LockoutEnd > now).Select(u => u.Id);
        var lockedForAClient = await throttle.LockedAccountsAsync(ct);
        Locked = lockedForAClient.Union(lockedByAdministrator).Count();
    }
}
