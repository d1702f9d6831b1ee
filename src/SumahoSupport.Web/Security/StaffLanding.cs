using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Security;

/// <summary>
/// Where a member of staff lands after signing in: the page they asked for (a local ReturnUrl), or their own area —
/// an administrator /Admin, a coordinator /Coordinator, a supporter /Supporter — never the residents' home page.
/// </summary>
public static class StaffLanding
{
    public static async Task<string> PathAsync(IUrlHelper url, string? returnUrl, UserManager<AppUser> users, AppUser? user)
    {
        if (url.IsLocalUrl(returnUrl) && returnUrl != "/") return returnUrl!;
        if (user is null) return "/";
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(Roles.Admin) ? "/Admin"
            : roles.Contains(Roles.Coordinator) ? "/Coordinator"
            : roles.Contains(Roles.Supporter) ? "/Supporter"
            : "/";
    }
}
