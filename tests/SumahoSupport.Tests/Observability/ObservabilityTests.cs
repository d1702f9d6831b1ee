using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Observability;

/// <summary>The app with every log line captured and its metrics read by an in-memory exporter, as a collector would.</summary>
public sealed class ObservedAppFactory : AppFactory
{
    /// <summary>Every export's copy of the metrics (snapshots: the live metric objects are reused between exports).</summary>
    public List<MetricSnapshot> Metrics { get; } = [];

    public ConcurrentQueue<string> LogLines { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(LogLines)));
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics)));
    }

    /// <summary>The sum of a counter's points since the app started.</summary>
    public long Total(string name)
    {
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (Metrics)
        {
            // Cumulative sums: the latest export of the counter holds the total since the start.
            return Metrics.Where(m => m.Name == name).TakeLast(1).SelectMany(m => m.MetricPoints).Sum(p => p.GetSumLong());
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}

/// <summary>
/// Metrics are collected by meter name across the whole test process, so these tests run while no other test books
/// anything (a collection of its own, not run in parallel).
/// </summary>
[CollectionDefinition(nameof(Observed), DisableParallelization = true)]
public sealed class Observed;

/// <summary>
/// What operators see: health for load balancers, metrics after real bookings and mail, logs with nothing personal in
/// them, and mail handed back to the queue when the app stops in the middle of sending.
/// </summary>
[Collection(nameof(Observed))]
public sealed class ObservabilityTests(ObservedAppFactory app) : IClassFixture<ObservedAppFactory>
{
    [Fact]
    public async Task Health_LiveAnswersWhileTheProcessRuns_ReadyListsEachCheck()
    {
        var client = app.CreateClient();
        using (var live = await client.GetAsync("/healthz/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        }
        foreach (var path in new[] { "/healthz/ready", "/healthz" })
        {
            using var ready = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            Assert.Equal(new Dictionary<string, string?> { ["database"] = "Healthy", ["mail"] = "Healthy", ["jobs"] = "Healthy" }, checks);
        }
    }

    [Fact]
    public async Task Metrics_CountBookingsPromotionsCancellationsAndMail_AfterEachCommits()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var (confirmed, waitlisted, promoted, cancelled, sent) = (Total("confirmed"), Total("waitlisted"), Total("promoted"), Total("cancelled"), app.Total("sumaho.messages.sent"));

        var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp")));
        await app.BookAsync(session, TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp"));
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated.Code, null, default));
        var dispatched = await app.DispatchMailAsync();

        Assert.Equal(1, Total("confirmed") - confirmed);
        Assert.Equal(1, Total("waitlisted") - waitlisted);
        Assert.Equal(1, Total("promoted") - promoted);
        Assert.Equal(1, Total("cancelled") - cancelled);
        Assert.Equal(dispatched.Sent, app.Total("sumaho.messages.sent") - sent);
        Assert.True(dispatched.Sent >= 4, $"{dispatched.Sent} mails");
    }

    [Fact]
    public async Task Logs_NameNoResident_ThroughABookingItsMailAndItsCancellation()
    {
        var name = "記録 残子";
        var phone = TestData.NextPhone();
        var email = $"{Guid.NewGuid():N}@example.jp";
        var session = await app.CreateSessionAsync(capacity: 3);
        var resident = app.CreateBrowserLikeClient();
        var (_, fields) = await ResidentForms.PrepareBookingAsync(resident, session);
        (fields["Input.Name"], fields["Input.Kana"], fields["Input.Phone"], fields["Input.Email"]) = (name, "きろく のここ", phone, email);
        using var content = new FormUrlEncodedContent(fields);
        using (var booked = await resident.PostAsync($"/Classes/{session}/Book?handler=Confirm", content)) Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var code = await app.WithDbAsync(db => db.Bookings.Where(b => b.PhoneKey == phone).Select(b => b.Code).SingleAsync());
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(code, null, default));
        await app.DispatchMailAsync();

        var lines = app.LogLines.ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains(name, StringComparison.Ordinal) || l.Contains("きろく", StringComparison.Ordinal)
            || l.Contains(phone, StringComparison.Ordinal) || l.Contains(phone[..3] + "-", StringComparison.Ordinal) || l.Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoppingInTheMiddleOfSending_HandsTheMailBackToTheQueueAtOnce()
    {
        // An SMTP server that accepts the connection and never says a word: the send hangs until it is cancelled.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var session = await app.CreateSessionAsync(capacity: 5);
        await app.BookAsync(session, TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp"));
        var waiting = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).Select(m => m.Id).ToListAsync());

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.WithScopeAsync(s => ActivatorUtilities.CreateInstance<OutboxDispatcher>(s,
                new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None" } })))
            .DispatchDueAsync(stopping.Token)));

        var rows = await app.WithDbAsync(db => db.OutboxMessages.Where(m => waiting.Contains(m.Id)).ToListAsync());
        Assert.All(rows, m => Assert.Equal((OutboxStatus.Pending, (string?)null, 0), (m.Status, m.LeaseToken, m.Attempts)));
    }

    private long Total(string what) => app.Total($"sumaho.bookings.{what}");
}
