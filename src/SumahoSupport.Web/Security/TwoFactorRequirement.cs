using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace SumahoSupport.Web.Security;

/// <summary>
/// Administrators and coordinators reach the staff areas only after signing in with their authenticator
/// (<see cref="SecurityOptions.RequireTwoFactorForStaff"/>): a session signed in with the password alone is sent to set up
/// or use the authenticator first. Identity marks a two-step sign-in with the claim <c>amr=mfa</c>.
/// </summary>
internal sealed class TwoFactorRequirementMiddleware(RequestDelegate next, IOptions<SecurityOptions> options, LinkGenerator links)
{
    public const string MethodClaim = "amr";
    public const string TwoFactorMethod = "mfa";

    private static readonly PathString[] StaffAreas = ["/Coordinator", "/Admin"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (options.Value.RequireTwoFactorForStaff && user.Identity?.IsAuthenticated == true && user.HasStaffRole()
            && StaffAreas.Any(area => context.Request.Path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase)) && !SignedInWithTwoFactor(user))
        {
            var back = (context.Request.Path + context.Request.QueryString).ToString();
            context.Response.Redirect(links.GetPathByPage(context, "/Account/TwoFactor", values: new { area = "", ReturnUrl = back })!);
            return Task.CompletedTask;
        }
        return next(context);
    }

    public static bool SignedInWithTwoFactor(ClaimsPrincipal user) => user.HasClaim(MethodClaim, TwoFactorMethod);
}
