using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, IIS/ARR, a cloud load balancer) the app learns the client's address and the original
/// scheme from X-Forwarded-For / X-Forwarded-Proto — but only from the proxies named in <c>ReverseProxy:KnownProxies</c>
/// (addresses) or <c>ReverseProxy:KnownNetworks</c> (CIDR). From anyone else the headers are ignored: a stranger must not be
/// able to claim to be https (and get Secure cookies sent over http) or to come from another address (and slip the
/// per-client limits). With neither set, no forwarded header is read at all.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static void AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; here only what the city names is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(ParseAddress(proxy));
            foreach (var network in networks) options.KnownIPNetworks.Add(ParseNetwork(network));
        });
    }

    public static void UseReverseProxy(this WebApplication app)
    {
        var configured = app.Configuration.GetSection($"{Section}:KnownProxies").Get<string[]>()?.Length > 0
            || app.Configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>()?.Length > 0;
        if (configured) app.UseForwardedHeaders();
    }

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"設定 {Section}:KnownProxies の「{text}」は IP アドレスではありません。");

    private static System.Net.IPNetwork ParseNetwork(string text) =>
        System.Net.IPNetwork.TryParse(text.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"設定 {Section}:KnownNetworks の「{text}」は CIDR（例: 10.0.0.0/24）ではありません。");
}
