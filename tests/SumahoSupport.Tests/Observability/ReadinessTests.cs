using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Observability;

/// <summary>
/// Readiness is what a resident's request needs: the database, migrated, with room to save. Mail that cannot leave is
/// Degraded — still 200 — because bookings go on and mail waits in the outbox; an SMTP outage must not take every
/// instance out of the load balancer.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task AnSmtpServerThatDoesNotAnswer_LeavesTheInstanceReady_AndSaysMailIsDegraded()
    {
        var closed = FreePort();
        using var app = new ConfiguredAppFactory("Development", new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = closed.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Mail:Smtp:Security"] = "None",
        });
        await AssertReadyWithMailDegradedAsync(app);
    }

    [Fact]
    public async Task APickupFolderThatCannotBeWritten_LeavesTheInstanceReady_AndSaysMailIsDegraded()
    {
        var file = Path.GetTempFileName();
        using var app = new ConfiguredAppFactory("Development", new Dictionary<string, string> { ["Mail:PickupDirectory"] = Path.Combine(file, "mail") });
        await AssertReadyWithMailDegradedAsync(app);
        File.Delete(file);
    }

    [Fact]
    public async Task ADatabaseDiskWithLessRoomThanTheSetting_MakesTheInstanceNotReady()
    {
        // More than any test machine has free: a SQLite file's disk counts as full. A server database's disk is the
        // server's to watch, so there the setting changes nothing.
        using var app = new ConfiguredAppFactory("Development", new Dictionary<string, string> { ["Database:MinFreeMegabytes"] = "1000000000" });
        var onSqlite = AppFactory.Provider == "Sqlite";
        var client = app.CreateClient();
        using (var live = await client.GetAsync("/healthz/live")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(onSqlite ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(onSqlite ? "Unhealthy" : "Healthy", await CheckStatusAsync(ready, "database"));
    }

    private static async Task AssertReadyWithMailDegradedAsync(AppFactory app)
    {
        var client = app.CreateClient();
        using var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await CheckStatusAsync(ready, "mail"));
        Assert.Equal("Healthy", await CheckStatusAsync(ready, "database"));
    }

    private static async Task<string?> CheckStatusAsync(HttpResponseMessage response, string check) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == check).GetProperty("status").GetString();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
