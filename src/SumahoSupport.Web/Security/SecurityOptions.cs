namespace SumahoSupport.Web.Security;

/// <summary><c>Security:*</c>: how long a staff session lasts without use, and whether staff sign in in two steps.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Administrators and coordinators see every resident's details: outside Development they sign in with a password and
    /// an authenticator app's code (appsettings.Development.json turns it off for the demo accounts).
    /// </summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>A staff or supporter session ends after this many minutes without a request (the cookie slides).</summary>
    public int StaffIdleTimeoutMinutes { get; set; } = 30;
}
