using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Core.Accounts;

public abstract record InviteResult
{
    private InviteResult()
    {
    }

    public sealed record Invited(string UserId) : InviteResult;

    public sealed record Rejected(IReadOnlyList<Problem> Problems) : InviteResult;
}

public enum AccountChange
{
    Changed,

    /// <summary>Nothing to change: the account is already so.</summary>
    Unchanged,

    /// <summary>It would leave the city without an active administrator.</summary>
    LastActiveAdmin,

    /// <summary>An administrator may not stop their own account (another one can).</summary>
    OwnAccount,

    /// <summary>A supporter's account: its role follows the supporter, not this page.</summary>
    NotStaff,
}

/// <summary>
/// Staff and supporter logins: created by invitation (the person chooses their own password through a time-limited
/// link, so nobody else ever knows it), their role, stopping and restarting them, unlocking, password resets and a lost
/// authenticator. Every change is an audit entry in the same transaction, and changes that matter end the account's
/// sessions (its security stamp). The city always keeps one active administrator: the rule is checked under a lock, so
/// two administrators demoting each other at the same moment cannot both succeed.
/// </summary>
public sealed class StaffAccountService(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, AuditLog audit, AppDbContext db, UnitOfWork work, Notifier notifier, ISiteLinks links,
    SignInThrottle throttle, TimeProvider clock)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const string AccountsLock = "accounts";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    /// <summary>Creates an account in <paramref name="role"/>; with no password given, generates a strong one.</summary>
    public async Task<CreatedAccount> CreateAsync(string email, string displayName, string role, string? password)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        await EnsureRolesAsync();
        if (await users.FindByEmailAsync(email) is not null)
            return new CreatedAccount(false, email, null, [$"{email} は既に登録されています。"]);

        var generated = password is null;
        password ??= GeneratePassword();
        // Identity's store saves through the same context, so the account, its role and the audit entry are one unit.
        return await work.RunAsync(async unit =>
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return unit.Discard(new CreatedAccount(false, email, null, created.Errors.Select(e => e.Description).ToList()));
            Check(await users.AddToRoleAsync(user, role));
            audit.Record("account.created", nameof(AppUser), user.Id, role);
            return new CreatedAccount(true, email, generated ? password : null, []);
        }, CancellationToken.None);
    }

    /// <summary>
    /// 招待: a staff account (Admin or Coordinator) without a password, and a mail with the link to choose one. The
    /// account, its audit entry and the mail are one transaction.
    /// </summary>
    public async Task<InviteResult> InviteStaffAsync(string email, string displayName, string role, CancellationToken ct)
    {
        var problems = new List<Problem>();
        // Field names are the invitation form's: Email, DisplayName, Role.
        if (!Roles.Staff.Contains(role)) problems.Add(new("Role", "役割を選び直してください。"));
        if (!new EmailAddressAttribute().IsValid(email)) problems.Add(new("Email", "メールアドレスの形式が正しくありません。"));
        if (string.IsNullOrWhiteSpace(displayName)) problems.Add(new("DisplayName", "表示名を入力してください。"));
        if (problems.Count == 0 && await users.FindByEmailAsync(email) is not null)
            problems.Add(new("Email", "このメールアドレスのアカウントはすでにあります。"));
        if (problems.Count > 0) return new InviteResult.Rejected(problems);
        return await InviteAsync(email, displayName, role, supporter: null, ct);
    }

    /// <summary>招待: the login of a supporter who has none yet, at the address on their record.</summary>
    public async Task<InviteResult> InviteSupporterAsync(int supporterId, CancellationToken ct)
    {
        var supporter = await db.Supporters.SingleOrDefaultAsync(s => s.Id == supporterId, ct) ?? throw new KeyNotFoundException($"Supporter {supporterId}");
        if (supporter.UserId is not null) return new InviteResult.Rejected([new("SupporterId", "この支援員には、すでにログイン用のアカウントがあります。")]);
        if (supporter.Status is SupporterStatus.Inactive or SupporterStatus.Applicant)
            return new InviteResult.Rejected([new("SupporterId", "休止中または応募中の支援員は招待できません。")]);
        if (supporter.Email is null || await users.FindByEmailAsync(supporter.Email) is not null)
            return new InviteResult.Rejected([new("SupporterId", "この支援員のメールアドレスが未登録か、別のアカウントで使われています。")]);
        return await InviteAsync(supporter.Email, supporter.Name, Roles.Supporter, supporter, ct);
    }

    private async Task<InviteResult> InviteAsync(string email, string displayName, string role, Supporter? supporter, CancellationToken ct)
    {
        await EnsureRolesAsync();
        return await work.RunAsync<InviteResult>(async unit =>
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Trim() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return unit.Discard(new InviteResult.Rejected([.. created.Errors.Select(e => new Problem("Email", e.Description))]));
            Check(await users.AddToRoleAsync(user, role));
            if (supporter is not null) await unit.UpdateAsync(db.Supporters.Where(s => s.Id == supporter.Id), s => s.SetProperty(x => x.UserId, user.Id), ct);
            audit.Record("account.invited", nameof(AppUser), user.Id, supporter is null ? role : $"{role} supporter={supporter.Id}");
            notifier.StaffAccount(user, invited: true, links.SetPassword(user.Id, await users.GeneratePasswordResetTokenAsync(user)), SupporterLabels.AccountRole(role));
            return new InviteResult.Invited(user.Id);
        }, ct);
    }

    /// <summary>Admin ↔ Coordinator. The last active administrator stays one.</summary>
    public Task<AccountChange> ChangeRoleAsync(string userId, string role, CancellationToken ct) =>
        UnderAccountsLockAsync(userId, async user =>
        {
            if (!Roles.Staff.Contains(role)) throw new ArgumentException($"Not a staff role: '{role}'.", nameof(role));
            var current = await users.GetRolesAsync(user);
            if (!current.All(Roles.Staff.Contains) || current.Count == 0) return AccountChange.NotStaff;
            if (current.SequenceEqual([role])) return AccountChange.Unchanged;
            if (current.Contains(Roles.Admin) && await IsLastActiveAdminAsync(user, ct)) return AccountChange.LastActiveAdmin;
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, role));
            Check(await users.UpdateSecurityStampAsync(user));
            audit.Record("account.role-changed", nameof(AppUser), user.Id, $"{string.Join(",", current)} → {role}");
            return AccountChange.Changed;
        }, ct);

    /// <summary>利用停止: the account can no longer sign in, and its sessions end now.</summary>
    public Task<AccountChange> DisableAsync(string userId, string actingUserId, CancellationToken ct) =>
        UnderAccountsLockAsync(userId, async user =>
        {
            if (user.DisabledAtUtc is not null) return AccountChange.Unchanged;
            if (user.Id == actingUserId) return AccountChange.OwnAccount;
            if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastActiveAdminAsync(user, ct)) return AccountChange.LastActiveAdmin;
            user.DisabledAtUtc = clock.GetUtcNow().UtcDateTime;
            Check(await users.UpdateSecurityStampAsync(user));
            audit.Record("account.disabled", nameof(AppUser), user.Id);
            return AccountChange.Changed;
        }, ct);

    /// <summary>利用再開.</summary>
    public Task<AccountChange> EnableAsync(string userId, CancellationToken ct) =>
        UnderAccountsLockAsync(userId, async user =>
        {
            if (user.DisabledAtUtc is null) return AccountChange.Unchanged;
            user.DisabledAtUtc = null;
            Check(await users.UpdateAsync(user));
            audit.Record("account.enabled", nameof(AppUser), user.Id);
            return AccountChange.Changed;
        }, ct);

    /// <summary>ロック解除: after five wrong passwords, before the fifteen minutes are over.</summary>
    public Task<AccountChange> UnlockAsync(string userId, CancellationToken ct) =>
        UnderAccountsLockAsync(userId, async user =>
        {
            var lockedByAdministrator = user.LockoutEnd > clock.GetUtcNow();
            if (!await throttle.ForgetAllAsync(user.Id, ct) && !lockedByAdministrator) return AccountChange.Unchanged;
            if (lockedByAdministrator) Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            audit.Record("account.unlocked", nameof(AppUser), user.Id);
            return AccountChange.Changed;
        }, ct);

    /// <summary>A mail with a link to choose a new password; the current one works until then.</summary>
    public Task<AccountChange> SendPasswordResetAsync(string userId, CancellationToken ct) =>
        UnderAccountsLockAsync(userId, async user =>
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
            notifier.StaffAccount(user, invited: false, links.SetPassword(user.Id, await users.GeneratePasswordResetTokenAsync(user)), SupporterLabels.AccountRole(role));
            audit.Record("account.password-reset-sent", nameof(AppUser), user.Id);
            return AccountChange.Changed;
        }, ct);

    /// <summary>
    /// A lost phone: the authenticator and recovery codes stop working and the sessions end; at the next sign-in the
    /// person sets up the authenticator again.
    /// </summary>
    public Task<AccountChange> ResetAuthenticatorAsync(string userId, CancellationToken ct) =>
        UnderAccountsLockAsync(userId, async user =>
        {
            Check(await users.SetTwoFactorEnabledAsync(user, false));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            audit.Record("account.authenticator-reset", nameof(AppUser), user.Id);
            return AccountChange.Changed;
        }, ct);

    /// <summary>
    /// The person's own two-step sign-in is switched on, after they typed a code from the authenticator they scanned;
    /// returns the new recovery codes, shown once. The switch, the codes and the audit entry (which shows no code) are one unit.
    /// </summary>
    public Task<IReadOnlyList<string>> EnableTwoFactorAsync(AppUser user, int recoveryCodes, CancellationToken ct) =>
        work.RunAsync<IReadOnlyList<string>>(async unit =>
        {
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, recoveryCodes) ?? [];
            audit.Record("account.two-factor-enabled", nameof(AppUser), user.Id);
            return [.. codes];
        }, ct);

    /// <summary>One's own password, changed with the current one; the new security stamp ends the account's other sessions.</summary>
    public Task<IdentityResult> ChangeOwnPasswordAsync(AppUser user, string currentPassword, string newPassword, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
            if (!result.Succeeded) return unit.Discard(result);
            audit.Record("account.password-changed", nameof(AppUser), user.Id);
            return result;
        }, ct);

    /// <summary>20 characters from an unambiguous alphabet plus a digit, upper and lower case: about 117 bits.</summary>
    public static string GeneratePassword()
    {
        var body = RandomNumberGenerator.GetString(PasswordAlphabet, 20);
        return $"{body}-7aA";
    }

    private async Task<AccountChange> UnderAccountsLockAsync(string userId, Func<AppUser, Task<AccountChange>> change, CancellationToken ct)
    {
        return await work.RunAsync(async unit =>
        {
            await db.Database.LockAsync(AccountsLock, ct);
            var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException($"AppUser {userId}");
            var result = await change(user);
            if (result != AccountChange.Changed) return unit.Discard(result);
            Check(await users.UpdateAsync(user));
            return result;
        }, ct);
    }

    /// <summary>Whether <paramref name="user"/> is the only administrator who is not stopped (asked under the accounts lock).</summary>
    private async Task<bool> IsLastActiveAdminAsync(AppUser user, CancellationToken ct)
    {
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(ct);
        return !await db.UserRoles.AnyAsync(ur => ur.RoleId == adminRole && ur.UserId != user.Id
            && db.Users.Any(u => u.Id == ur.UserId && u.DisabledAtUtc == null), ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>The outcome of creating an account; <see cref="GeneratedPassword"/> is shown once, then forgotten.</summary>
public sealed record CreatedAccount(bool Succeeded, string Email, string? GeneratedPassword, IReadOnlyList<string> Errors);
