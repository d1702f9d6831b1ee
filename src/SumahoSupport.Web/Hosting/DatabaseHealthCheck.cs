using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// Ready only while the database answers, has every migration this version needs, and — for a SQLite file — its disk
/// has room to save a booking (<see cref="DatabaseOptions.MinFreeMegabytes"/>).
/// </summary>
internal sealed class DatabaseHealthCheck(AppDbContext db, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("database unreachable");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0) return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: run `-- migrate`");
        if (db.Database.IsSqlite() && FreeMegabytes(db.Database.GetDbConnection().DataSource) is { } free && free < options.Value.MinFreeMegabytes)
            return HealthCheckResult.Unhealthy($"database disk nearly full: {free} MB free, {options.Value.MinFreeMegabytes} MB needed (Database:MinFreeMegabytes)");
        return HealthCheckResult.Healthy("reachable and migrated");
    }

    private static long? FreeMegabytes(string? file) =>
        string.IsNullOrEmpty(file) || Path.GetDirectoryName(Path.GetFullPath(file)) is not { } folder
            ? null
            : new DriveInfo(folder).AvailableFreeSpace / (1024 * 1024);
}

/// <summary>
/// Mail can leave: with an SMTP server, it accepts a connection (within three seconds); without one, the pickup folder
/// takes a file. A failure here is Degraded, not Unhealthy: bookings still work and mail waits in the outbox, so taking
/// every instance out of the load balancer because mail is slow would turn an SMTP outage into the site's (alert on
/// <c>sumaho.outbox.oldest_age</c> instead).
/// </summary>
internal sealed class MailHealthCheck(IOptions<MailOptions> options, IWebHostEnvironment environment) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var mail = options.Value;
        if (!string.IsNullOrWhiteSpace(mail.Smtp.Host))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(mail.Smtp.Host, mail.Smtp.Port, timeout.Token);
                return HealthCheckResult.Healthy($"SMTP {mail.Smtp.Host}:{mail.Smtp.Port} accepts connections");
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return HealthCheckResult.Degraded($"SMTP {mail.Smtp.Host}:{mail.Smtp.Port} unreachable: mail waits in the outbox");
            }
        }
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, mail.PickupDirectory));
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(probe, "", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("mail pickup folder writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Degraded("mail pickup folder not writable: mail waits in the outbox");
        }
    }
}
