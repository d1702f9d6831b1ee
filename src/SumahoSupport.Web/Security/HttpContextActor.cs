using SumahoSupport.Core.Auditing;

namespace SumahoSupport.Web.Security;

/// <summary>The audit trail's "who": the signed-in user, or 「住民」 for residents using the public pages.</summary>
internal sealed class HttpContextActor(IHttpContextAccessor accessor) : IActor
{
    public const string ResidentName = "住民";

    public string Name => accessor.HttpContext?.User.Identity switch
    {
        null => SystemActor.SystemName,
        { IsAuthenticated: true, Name: { } name } => name,
        _ => ResidentName,
    };
}
