using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Benchmarks.Scenarios;

/// <summary>
/// 10,000 calendar invitations through the outbox to a real SMTP server on loopback (aiosmtpd, as the mail tests use),
/// against the floor: a bare MailKit loop sending the same messages over one connection to the same server, in the same
/// run. The outbox adds claiming, leases and bookkeeping; it should cost little of the bare loop's speed.
/// </summary>
internal static class MailScenario
{
    private const int Mails = 10_000;

    public static async Task RunAsync()
    {
        using var database = ScenarioDatabase.Sqlite();
        var classes = database.FillCatalog(sessions: 1, bookings: 0, capacity: 50);
        using var smtp = SmtpServer.Start();
        var settings = new Dictionary<string, string>
        {
            ["Mail__Smtp__Host"] = "127.0.0.1", ["Mail__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None", ["Mail__From"] = "noreply@bench.example.jp", ["Mail__Dispatcher__PollSeconds"] = "1",
        };
        await using var app = await PublishedApp.StartAsync(database.Provider, database.ConnectionString, settings);

        // One real invitation made by the app (a booking through the form), copied into 10,000 rows not yet due.
        await app.BookAsync(classes[0], "招待 状子", "しょうたい じょうこ", "09012340000", "first@example.jp");
        await using (var db = database.NewContext())
        {
            while (!await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Sent)) await Task.Delay(200);
            var template = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.CalendarIcs != null);
            var later = DateTime.UtcNow.AddYears(1);
            for (var made = 0; made < Mails; made += 1_000)
            {
                db.OutboxMessages.AddRange(Enumerable.Range(made, 1_000).Select(i => new OutboxMessage
                {
                    Kind = template.Kind, RelatesTo = $"B{i:D6}", ToAddress = $"resident{i}@example.jp", ToName = template.ToName, Title = template.Title,
                    TextBody = template.TextBody, HtmlBody = template.HtmlBody, CalendarMethod = template.CalendarMethod, CalendarIcs = template.CalendarIcs,
                    MessageId = $"{Guid.NewGuid():N}@bench.example.jp", Status = OutboxStatus.Pending, NextAttemptAtUtc = later, CreatedAtUtc = DateTime.UtcNow,
                }));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        // The floor: the same messages, composed the same way, over one connection opened as the app opens it. It runs
        // before and after the outbox and the two are averaged, so a machine that slows down or speeds up during the run
        // (these are shared) weighs on both sides alike.
        List<OutboxMessage> rows;
        await using (var db = database.NewContext()) rows = await db.OutboxMessages.AsNoTracking().Where(m => m.NextAttemptAtUtc > DateTime.UtcNow).ToListAsync();
        var bareBefore = await BareLoopAsync(rows, smtp.Port);

        // The app: make them due at once and time the outbox from its first claim until it has sent every one. (Mail the
        // app writes itself wakes the dispatcher at once; rows made due from outside wait for its next poll, which is
        // not sending speed.)
        Stopwatch outbox;
        await using (var db = database.NewContext())
        {
            await db.OutboxMessages.Where(m => m.NextAttemptAtUtc > DateTime.UtcNow).ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAtUtc, DateTime.UtcNow));
            while (!await db.OutboxMessages.AnyAsync(m => m.Status != OutboxStatus.Pending)) await Task.Delay(5);
            outbox = Stopwatch.StartNew();
            while (await db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent) > 0) await Task.Delay(20);
        }
        outbox.Stop();
        var bare = (bareBefore + await BareLoopAsync(rows, smtp.Port)) / 2;

        var context = $"{Mails:N0} invitations, aiosmtpd on loopback, {Report.Cores}";
        Report.Row("mail", "bare MailKit loop (before and after), mails/s", Report.F(Mails / bare.TotalSeconds, "0"), "", context);
        Report.Row("mail", "outbox, mails/s", Report.F(Mails / outbox.Elapsed.TotalSeconds, "0"), "", context);
        Report.Row("mail", "outbox ÷ bare loop", Report.F(bare.TotalSeconds / outbox.Elapsed.TotalSeconds, "0.00"), "≥ 0.8", context);
        Report.Row("mail", "peak working set", $"{Report.F(app.PeakWorkingSetMb, "0")} MB", "< 400 MB", Report.Cores);
    }

    private static async Task<TimeSpan> BareLoopAsync(IReadOnlyList<OutboxMessage> rows, int port)
    {
        var started = Stopwatch.GetTimestamp();
        using var client = new SmtpClient();
        await SmtpMailTransport.ConnectAsync(client, "127.0.0.1", port, SecureSocketOptions.None, CancellationToken.None);
        foreach (var row in rows) await client.SendAsync(MailComposer.Compose(row, "noreply@bench.example.jp", "みどり市 スマホ教室"));
        await client.DisconnectAsync(quit: true);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>The mail tests' SMTP server (aiosmtpd, every message written to a folder), on a free loopback port.</summary>
    private sealed class SmtpServer : IDisposable
    {
        private readonly Process process;
        private readonly string directory;

        private SmtpServer(Process process, int port, string directory) => (this.process, Port, this.directory) = (process, port, directory);

        public int Port { get; }

        public static SmtpServer Start()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var directory = Path.Combine(Path.GetTempPath(), $"sumaho-bench-smtp-{Guid.NewGuid():N}");
            var script = Path.Combine(Repository.Root, "tests", "SumahoSupport.Tests", "Mail", "smtp_capture.py");
            var process = Process.Start(new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), directory }, RedirectStandardOutput = true })!;
            if (process.StandardOutput.ReadLine() != "ready") throw new InvalidOperationException("The SMTP server did not start (is python3-aiosmtpd installed?).");
            return new SmtpServer(process, port, directory);
        }

        public void Dispose()
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
