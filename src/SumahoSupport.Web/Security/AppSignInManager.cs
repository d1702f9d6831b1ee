using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Security;

/// <summary>
/// Identity's sign-in with the rules the app adds: a stopped account (利用停止) and a supporter who rests (休止) may not be
/// signed in. The same rules are checked when a password signs in and on every request (the security stamp is validated
/// each time), so stopping or resting someone ends the sessions they already have.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, AppDbContext db)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        await base.CanSignInAsync(user)
        && user.DisabledAtUtc is null
        && !await db.Supporters.AnyAsync(s => s.UserId == user.Id && s.Status == SupporterStatus.Inactive);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { } user && await CanSignInAsync(user) ? user : null;
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
