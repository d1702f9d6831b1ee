using Microsoft.AspNetCore.Identity;

namespace SumahoSupport.Core.Data;

/// <summary>A staff or supporter login. Residents never need an account.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Supporter = "Supporter";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Supporter];
}
