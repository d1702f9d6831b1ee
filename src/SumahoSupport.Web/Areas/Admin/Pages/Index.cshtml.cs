using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Admin.Pages;

/// <summary>管理: the way to the accounts and the audit trail, with what needs attention.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public int Accounts { get; private set; }

    public int Stopped { get; private set; }

    public int Locked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Accounts = await db.Users.CountAsync(ct);
        Stopped = await db.Users.CountAsync(u => u.DisabledAtUtc != null, ct);
        Locked = (await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct)).Count(end => end > now);
    }
}
