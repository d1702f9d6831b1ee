namespace SumahoSupport.Web.Security;

public static class Policies
{
    public const string Coordinator = "CoordinatorArea";
    public const string Supporter = "SupporterArea";
    public const string Admin = "AdminArea";
}

public static class StaffPrincipal
{
    /// <summary>A coordinator or an admin: may see any booking, certificate or record, and book for a caller.</summary>
    public static bool IsStaff(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Core.Data.Roles.Coordinator) || user.IsInRole(Core.Data.Roles.Admin);
}
