using Microsoft.AspNetCore.Identity;

namespace SumahoSupport.Core.Data;

/// <summary>A staff or supporter login. Residents never need an account.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// 利用停止: an administrator stopped this account; it cannot sign in and its sessions ended. Kept (not deleted) so the
    /// audit trail still names who did what.
    /// </summary>
    public DateTime? DisabledAtUtc { get; set; }

    /// <summary>
    /// The 30-second step (Unix time / 30) of the last authenticator code accepted: a code is good once, so one seen over a
    /// shoulder or caught by a fake sign-in page cannot open a second session within its window.
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Supporter = "Supporter";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Supporter];

    /// <summary>The roles an administrator gives staff; a supporter account belongs to a supporter record.</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, Coordinator];
}
