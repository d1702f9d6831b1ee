using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Observability;

/// <summary>An instance whose mail cannot leave is not ready: a load balancer sends residents to another one.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task AnSmtpServerThatDoesNotAnswer_MakesTheInstanceNotReady_ButStillLive()
    {
        var closed = FreePort();
        using var app = new ConfiguredAppFactory("Development", new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = closed.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Mail:Smtp:Security"] = "None",
        });
        await AssertNotReadyBecauseOfMailAsync(app);
    }

    [Fact]
    public async Task APickupFolderThatCannotBeWritten_MakesTheInstanceNotReady()
    {
        var file = Path.GetTempFileName();
        using var app = new ConfiguredAppFactory("Development", new Dictionary<string, string> { ["Mail:PickupDirectory"] = Path.Combine(file, "mail") });
        await AssertNotReadyBecauseOfMailAsync(app);
        File.Delete(file);
    }

    private static async Task AssertNotReadyBecauseOfMailAsync(AppFactory app)
    {
        var client = app.CreateClient();
        using (var live = await client.GetAsync("/healthz/live")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var mail = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "mail");
        Assert.Equal("Unhealthy", mail.GetProperty("status").GetString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
