using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Areas.Admin.Pages.Accounts;

/// <summary>One account: its role and state, and what an administrator can do about it.</summary>
public sealed class ShowModel(AppDbContext db, StaffAccountService accounts, UserManager<AppUser> users, SignInThrottle throttle, TimeProvider clock) : PageModel
{
    public AccountView Account { get; private set; } = default!;

    /// <summary>The clients the account is locked for now (SignInThrottle), each until when.</summary>
    public IReadOnlyList<SignInLock> Locks { get; private set; } = [];

    /// <summary>The last times the account locked and from where, from the audit trail: a pattern tells of an attack.</summary>
    public IReadOnlyList<(DateTime AtUtc, string? Details)> RecentLocks { get; private set; } = [];

    [BindProperty] public string? Role { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostRoleAsync(string id, CancellationToken ct) =>
        Role is null || !Roles.Staff.Contains(Role)
            ? Refuse(id, "役割を選び直してください。", ct)
            : ChangeAsync(id, () => accounts.ChangeRoleAsync(id, Role, ct), $"役割を「{SupporterLabels.AccountRole(Role)}」にしました。この人は一度ログアウトされます。", ct);

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, () => accounts.DisableAsync(id, users.GetUserId(User)!, ct), "利用を停止しました。この人はログインできず、開いていた画面も使えなくなりました。", ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, () => accounts.EnableAsync(id, ct), "利用を再開しました。", ct);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, () => accounts.UnlockAsync(id, ct), "ロックを解除しました。", ct);

    public Task<IActionResult> OnPostPasswordResetAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, () => accounts.SendPasswordResetAsync(id, ct), "パスワードを決め直すリンクをメールで送りました（3日間有効）。", ct);

    public Task<IActionResult> OnPostResetAuthenticatorAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, () => accounts.ResetAuthenticatorAsync(id, ct), "認証アプリの設定を消しました。次のログインで設定し直してもらいます。", ct);

    private async Task<IActionResult> ChangeAsync(string id, Func<Task<AccountChange>> change, string done, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id, ct)) return NotFound();
        var message = await change() switch
        {
            AccountChange.Changed => done,
            AccountChange.Unchanged => "変更はありませんでした。",
            AccountChange.LastActiveAdmin => null,
            AccountChange.OwnAccount => null,
            AccountChange.NotStaff => null,
            _ => throw new UnreachableException(),
        };
        return message is not null
            ? RedirectWith(id, message)
            : await Refuse(id, "この変更はできません。利用中の管理者が1人もいなくなる変更、自分のアカウントの利用停止、支援員のアカウントの役割の変更はできません。", ct);
    }

    private RedirectToPageResult RedirectWith(string id, string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> Refuse(string id, string message, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddModelError("", message);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (id.Length > 64) return false;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.AccessFailedCount, u.DisabledAtUtc, u.TwoFactorEnabled, HasPassword = u.PasswordHash != null,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                Supporter = db.Supporters.Where(s => s.UserId == u.Id).Select(s => s.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (user is null) return false;
        Locks = await throttle.LocksOfAsync(user.Id, ct);
        RecentLocks = [.. (await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == SignInThrottle.LockedAction && e.SubjectType == nameof(AppUser) && e.SubjectId == user.Id)
                .OrderByDescending(e => e.Id).Take(5).Select(e => new { e.AtUtc, e.Details }).ToListAsync(ct))
            .Select(e => (e.AtUtc, e.Details))];
        Account = new AccountView(user.Id, user.Email ?? "", user.DisplayName, user.Roles, user.Supporter, user.LockoutEnd > clock.GetUtcNow() || Locks.Count > 0,
            user.DisabledAtUtc, user.TwoFactorEnabled, user.HasPassword);
        Role ??= user.Roles.FirstOrDefault(Roles.Staff.Contains);
        return true;
    }

    public sealed record AccountView(
        string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? Supporter, bool Locked, DateTime? DisabledAtUtc,
        bool TwoFactor, bool HasPassword)
    {
        public bool IsStaff => Roles.All(Core.Data.Roles.Staff.Contains) && Roles.Count > 0;
    }
}
