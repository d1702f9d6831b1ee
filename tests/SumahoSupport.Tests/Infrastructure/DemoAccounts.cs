namespace SumahoSupport.Tests.Infrastructure;

/// <summary>The demo accounts from seed/demo.json (Development only).</summary>
public static class DemoAccounts
{
    public const string AdminEmail = "admin@example.jp";
    public const string AdminPassword = "Demo-Admin-2026";
    public const string CoordinatorEmail = "coordinator@example.jp";
    public const string CoordinatorPassword = "Demo-Coordinator-2026";
    public const string SupporterEmail = "supporter@example.jp";
    public const string SupporterPassword = "Demo-Supporter-2026";

    /// <summary>The account a visitor of <c>SitePages.Visitors</c> signs in with; none for a stranger or a resident.</summary>
    public static (string Email, string Password)? Of(string visitor) => visitor switch
    {
        "supporter" => (SupporterEmail, SupporterPassword),
        "coordinator" => (CoordinatorEmail, CoordinatorPassword),
        "admin" => (AdminEmail, AdminPassword),
        _ => null,
    };
}
