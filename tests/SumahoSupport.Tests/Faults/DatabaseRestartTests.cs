using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Faults;

/// <summary>The app on a PostgreSQL database of a cluster the test owns, so the test may restart the server.</summary>
public sealed class OwnClusterAppFactory(string connectionString) : AppFactory(connectionString)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", DatabaseProviders.PostgreSql);
    }
}

/// <summary>
/// A database restart while residents book (an operator's restart, a fail-over): the app rides it out — reads and whole
/// bookings are tried again on a new connection — and whatever cannot wait is told plainly that nothing was booked.
/// </summary>
[Trait("Provider", "ServerOnly")]
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task APostgreSqlRestartDuringBookings_GivesNoResidentA500_AndLosesNoBooking()
    {
        using var cluster = new PostgresCluster();
        var connectionString = cluster.CreateDatabase();
        using (var db = TestDatabases.Context(connectionString, DatabaseProviders.PostgreSql)) await db.Database.MigrateAsync();
        using var app = new OwnClusterAppFactory(connectionString);
        var session = await app.CreateSessionAsync(capacity: 400);

        var answers = new ConcurrentBag<(string Request, HttpStatusCode Status, TimeSpan At)>();
        var booked = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var residents = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var client = app.CreateClient(new() { AllowAutoRedirect = false });
            while (!stop.IsCancellationRequested)
            {
                using var form = await client.GetAsync($"/Classes/{session}/Book");
                answers.Add(("GET", form.StatusCode, clock.Elapsed));
                if (form.StatusCode != HttpStatusCode.OK) continue;
                var token = (await Forms.ParseAsync(form)).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
                var phone = TestData.NextPhone();
                using var post = await client.PostAsync($"/Classes/{session}/Book?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Input.Name"] = "再起動 試験", ["Input.Kana"] = "さいきどう しけん",
                    ["Input.Phone"] = phone, ["Input.Device"] = nameof(DeviceType.Android), ["Input.AgeBand"] = nameof(AgeBand.Seventies), ["Consent"] = "true",
                }));
                answers.Add(("POST", post.StatusCode, clock.Elapsed));
                if (post.StatusCode == HttpStatusCode.Redirect) booked.Add(phone);
            }
        })).ToList();

        await Waiting.UntilAsync(() => booked.Count >= 4, TimeSpan.FromMinutes(1), "The residents' requests did not get that far.");
        var restartedFrom = clock.Elapsed;
        await Task.Run(cluster.Restart);
        var restartedBy = clock.Elapsed;
        await Waiting.UntilAsync(() => answers.Any(a => a.Request == "POST" && a.Status == HttpStatusCode.Redirect && a.At > restartedBy + TimeSpan.FromSeconds(1)), TimeSpan.FromMinutes(1), "The residents' requests did not get that far.");
        await stop.CancelAsync();
        await Task.WhenAll(residents);

        var failed = answers.Where(a => a.Status == HttpStatusCode.InternalServerError).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} answers of 500 around a restart from {restartedFrom} to {restartedBy}: {string.Join(", ", failed.Select(f => $"{f.Request} at {f.At}"))}");
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.ServiceUnavailable }));
        var kept = await app.WithDbAsync(db => db.Bookings.Where(b => b.ClassSessionId == session).Select(b => b.PhoneKey).ToListAsync());
        Assert.All(booked, phone => Assert.Single(kept, k => k == phone));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }
}
