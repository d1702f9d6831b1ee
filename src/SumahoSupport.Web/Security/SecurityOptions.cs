namespace SumahoSupport.Web.Security;

/// <summary><c>Security:*</c>: how long a staff session lasts without use.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>A staff or supporter session ends after this many minutes without a request (the cookie slides).</summary>
    public int StaffIdleTimeoutMinutes { get; set; } = 30;
}
