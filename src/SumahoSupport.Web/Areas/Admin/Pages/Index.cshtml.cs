using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Areas.Admin.Pages;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Account> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Email, u.DisplayName, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
            })
            .ToListAsync(ct);
        Accounts = accounts.Select(a => new Account(a.Email ?? "", a.DisplayName, string.Join("・", a.Roles.Select(r => SupporterLabels.AccountRole(r ?? ""))), a.LockoutEnd)).ToList();
    }

    public sealed record Account(string Email, string DisplayName, string Roles, DateTimeOffset? LockoutEnd);
}
