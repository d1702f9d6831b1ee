namespace SumahoSupport.Web.Security;

/// <summary>
/// Headers on every response. No inline script or style is allowed, and no referrer is sent, because manage links
/// carry a secret token in their query string. Nothing is stored by a browser or a proxy cache (booking slips, calendar
/// files with manage links, exports with names): only the static assets, served later in the pipeline, say otherwise.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // A page opened from another site cannot reach back into this window (window.opener), nor this one into it.
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        return next(context);
    }
}
