using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Security;

/// <summary>
/// Identity's sign-in with the rules the app adds: a stopped account (利用停止) and a supporter who rests (休止) may not be
/// signed in. The same rules are checked when a password signs in and on every request (the security stamp is validated
/// each time), so stopping or resting someone ends the sessions they already have.
/// <para>
/// The lockout is the app's <see cref="SignInThrottle"/>, per account and client, and it covers every step: the
/// password, the authenticator code and the recovery code (Identity's own recovery-code step neither checks nor counts
/// it). A locked account, an unknown address and a wrong password get the same answer after the same work.
/// </para>
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, AppDbContext db, SignInThrottle throttle, SignInTiming timing)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    private string Source => ClientKey.Of(Context.Connection.RemoteIpAddress);

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        await base.CanSignInAsync(user)
        && user.DisabledAtUtc is null
        && !await db.Supporters.AnyAsync(s => s.UserId == user.Id && s.Status == SupporterStatus.Inactive);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { } user && await CanSignInAsync(user) ? user : null;

    /// <summary>
    /// The sign-in form's first step. An address with no account that may sign in is counted and hashed like a real
    /// one, so its answer (<see cref="SignInResult.Failed"/>) and its timing tell a stranger nothing.
    /// </summary>
    public async Task<SignInResult> PasswordSignInAsync(string address, string password)
    {
        if (await UserManager.FindByEmailAsync(address) is { } user && await CanSignInAsync(user))
            return await PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var attempt = await throttle.BeginAsync(SignInThrottle.UnknownAddress(UserManager.NormalizeEmail(address)), Source);
        timing.SpendPasswordCheck(password);
        if (attempt is not null) await throttle.FailedAsync(attempt);
        return SignInResult.Failed;
    }

    /// <summary>The password step, counted by the throttle whatever <paramref name="lockoutOnFailure"/> says.</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        if (await throttle.BeginAsync(user.Id, Source) is not { } attempt)
        {
            timing.SpendPasswordCheck(password);
            return SignInResult.LockedOut;
        }
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        await SettleAsync(attempt, result);
        return result;
    }

    public override Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        SecondStepAsync(() => base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));

    public override Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        SecondStepAsync(() => base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));

    /// <summary>A signed-in session forgets this client's failures for the account.</summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        await throttle.ClearAsync(user.Id, Source);
    }

    private async Task<SignInResult> SecondStepAsync(Func<Task<SignInResult>> signIn)
    {
        if (await GetTwoFactorAuthenticationUserAsync() is not { } user) return SignInResult.Failed;
        // An administrator's lock set between the two steps holds too: Identity's recovery step does not look at it.
        if (await IsLockedOut(user) || await throttle.BeginAsync(user.Id, Source) is not { } attempt) return SignInResult.LockedOut;
        var result = await signIn();
        await SettleAsync(attempt, result);
        return result;
    }

    private Task SettleAsync(SignInAttempt attempt, SignInResult result) =>
        IsFailure(result) ? throttle.FailedAsync(attempt) : throttle.EndAsync(attempt);

    /// <summary>A wrong password or code; not a lockout or a stop, which are answered without trying.</summary>
    private static bool IsFailure(SignInResult result) =>
        !result.Succeeded && !result.RequiresTwoFactor && !result.IsLockedOut && !result.IsNotAllowed;
}

/// <summary>
/// A password check against a hash of no account, so that signing in with an unknown e-mail address takes as long as
/// with a real one and the time of the answer does not tell which addresses have accounts.
/// </summary>
public sealed class SignInTiming(IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new();

    /// <summary>Made once per process, so an unknown address costs one verification, as a real one does.</summary>
    private static string? unusableHash;

    public void SpendPasswordCheck(string password)
    {
        var hash = unusableHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
