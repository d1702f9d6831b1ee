using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Security;

public static class Policies
{
    /// <summary>
    /// A coordinator or an admin who signed in in two steps when the city requires it: may see any booking, certificate
    /// or record, book for a caller, and use the coordinator area. Every decision that treats a user as staff asks this
    /// one policy (<see cref="StaffPrincipal.IsStaffAsync"/>), so a session that passed only the password step is a
    /// resident everywhere, not only in the staff areas.
    /// </summary>
    public const string Staff = "Staff";
    public const string Supporter = "SupporterArea";
    /// <summary>An admin, in two steps when the city requires it.</summary>
    public const string Admin = "AdminArea";

    public static AuthorizationBuilder AddAppPolicies(this AuthorizationBuilder policies) => policies
        .AddPolicy(Staff, p => p.RequireRole(Roles.Coordinator, Roles.Admin).AddRequirements(SignedInInTwoSteps.Requirement))
        .AddPolicy(Supporter, p => p.RequireRole(Roles.Supporter))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin).AddRequirements(SignedInInTwoSteps.Requirement));
}

public static class StaffPrincipal
{
    /// <summary>
    /// Holds a staff role, however the session signed in: what the navigation shows and what sends a password-only
    /// session to the two-step set-up. Whether the user may act as staff is <see cref="IsStaffAsync"/>.
    /// </summary>
    public static bool HasStaffRole(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);

    /// <summary>Whether the current user may act as staff: <see cref="Policies.Staff"/>.</summary>
    public static async Task<bool> IsStaffAsync(this HttpContext context) =>
        context.User.HasStaffRole()
        && (await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, Policies.Staff)).Succeeded;
}

/// <summary>
/// The second half of the staff policies: the session signed in with the authenticator (Identity's claim <c>amr=mfa</c>),
/// unless the city turned two-step sign-in off (<see cref="SecurityOptions.RequireTwoFactorForStaff"/>).
/// </summary>
public sealed class SignedInInTwoSteps(IOptions<SecurityOptions> options) : AuthorizationHandler<SignedInInTwoSteps.TwoStepRequirement>
{
    public static readonly TwoStepRequirement Requirement = new();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoStepRequirement requirement)
    {
        if (!options.Value.RequireTwoFactorForStaff || TwoFactorRequirementMiddleware.SignedInWithTwoFactor(context.User)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    public sealed class TwoStepRequirement : IAuthorizationRequirement;
}
