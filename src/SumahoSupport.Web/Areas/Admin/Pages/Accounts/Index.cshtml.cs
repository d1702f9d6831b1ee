using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Admin.Pages.Accounts;

/// <summary>アカウント: every login with its role and state; invite staff, or a supporter who has no login yet.</summary>
public sealed class IndexModel(AppDbContext db, StaffAccountService accounts, SignInThrottle throttle, TimeProvider clock) : PageModel
{
    [BindProperty] public InviteInput Invite { get; set; } = new();

    [BindProperty] public int? SupporterId { get; set; }

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    /// <summary>Supporters who could be given a login: active, with an e-mail address, none yet.</summary>
    public IReadOnlyList<(int Id, string Name)> SupportersWithoutLogin { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(SupporterId));
        if (ModelState.IsValid)
        {
            switch (await accounts.InviteStaffAsync(Invite.Email!.Trim(), Invite.DisplayName!.Trim(), Invite.Role, ct))
            {
                case InviteResult.Invited invited:
                    TempData["StatusMessage"] = $"{Invite.Email} に招待のメールを送りました。リンクは3日間有効です。";
                    return RedirectToPage("Show", new { id = invited.UserId });
                case InviteResult.Rejected rejected:
                    ModelState.AddProblems(nameof(Invite), rejected.Problems);
                    break;
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteSupporterAsync(CancellationToken ct)
    {
        // Only the supporter is asked here. The staff invitation's fields are not in this form, and binding may file their
        // problems without the Invite prefix ("Email"), so all of them go, not only those named Invite.
        ModelState.Clear();
        if (SupporterId is not { } supporterId || !await db.Supporters.AnyAsync(s => s.Id == supporterId, ct))
            ModelState.AddModelError(nameof(SupporterId), "支援員を選んでください。");
        else if (await accounts.InviteSupporterAsync(supporterId, ct) is InviteResult.Rejected rejected)
            foreach (var problem in rejected.Problems) ModelState.AddModelError(nameof(SupporterId), problem.Message);
        else
        {
            TempData["StatusMessage"] = "支援員に招待のメールを送りました。リンクは3日間有効です。";
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.DisabledAtUtc, u.TwoFactorEnabled, HasPassword = u.PasswordHash != null,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
            })
            .ToListAsync(ct);
        var throttled = await throttle.LockedAccountsAsync(ct);
        Accounts = [.. rows.Select(a => new Row(a.Id, a.Email ?? "", a.DisplayName, string.Join("・", a.Roles.Select(r => SupporterLabels.AccountRole(r ?? ""))),
            a.DisabledAtUtc is not null ? "利用停止中" : a.LockoutEnd > now || throttled.Contains(a.Id) ? "ロック中" : !a.HasPassword ? "招待中（パスワード未設定）" : "利用中",
            a.TwoFactorEnabled))];
        SupportersWithoutLogin = [.. (await db.Supporters.AsNoTracking()
                .Where(s => s.UserId == null && s.Email != null && s.Status != SupporterStatus.Inactive && s.Status != SupporterStatus.Applicant)
                .OrderBy(s => s.Kana).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name))];
    }

    public sealed record Row(string Id, string Email, string DisplayName, string Roles, string State, bool TwoFactor);

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "メールアドレスを入力してください。"), EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません。")]
        [StringLength(254, ErrorMessage = "メールアドレスが長すぎます。")]
        [Display(Name = "メールアドレス")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "表示名を入力してください。"), StringLength(50, ErrorMessage = "表示名は50文字以内で入力してください。"), PlainText]
        [Display(Name = "表示名（例: 山田 花子（情報政策課））")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "役割を選んでください。"), RegularExpression("^(Admin|Coordinator)$", ErrorMessage = "役割を選び直してください。")]
        [Display(Name = "役割")]
        public string Role { get; set; } = Roles.Coordinator;
    }
}
