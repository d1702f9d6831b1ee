using System.Net;
using Microsoft.AspNetCore.Hosting;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Observability;

/// <summary>The app behind a proxy at 10.1.2.3; each request says which peer it comes from (<see cref="AppFactory.PeerHeader"/>).</summary>
public sealed class ProxiedAppFactory : AppFactory
{
    public const string Proxy = "10.1.2.3";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ReverseProxy:KnownProxies:0", Proxy);
        builder.UseSetting("Limits:PublicPostsPerMinute", "20");
    }
}

/// <summary>Forwarded headers are believed from the configured proxy only: a stranger cannot claim https or another address.</summary>
public sealed class ReverseProxyTests(ProxiedAppFactory app) : IClassFixture<ProxiedAppFactory>
{
    [Theory]
    [InlineData(ProxiedAppFactory.Proxy, true)]
    [InlineData("192.0.2.50", false)]
    public async Task TheForwardedScheme_IsBelievedFromTheProxyOnly(string peer, bool secure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add(AppFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await app.CreateBrowserLikeClient().SendAsync(request);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sumaho.af=", StringComparison.Ordinal));
        Assert.Equal(secure, antiforgery.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AStrangerMakingUpForwardedAddresses_IsStillOneClientForTheLimits()
    {
        var session = await app.CreateSessionAsync(capacity: 100);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            var client = app.CreateBrowserLikeClient();
            var (_, fields) = await ResidentForms.PrepareBookingAsync(client, session);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/Classes/{session}/Book?handler=Confirm") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add(AppFactory.PeerHeader, "192.0.2.50");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
