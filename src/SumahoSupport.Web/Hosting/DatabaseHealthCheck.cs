using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Web.Hosting;

/// <summary>Ready only while the database answers and has every migration this version needs.</summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("database unreachable");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("reachable and migrated")
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: run `-- migrate`");
    }
}

/// <summary>
/// Mail can leave: with an SMTP server, it accepts a connection (within three seconds); without one, the pickup folder
/// takes a file. A failure here makes the instance not ready but loses nothing — mail waits in the outbox.
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
                return HealthCheckResult.Unhealthy($"SMTP {mail.Smtp.Host}:{mail.Smtp.Port} unreachable");
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
            return HealthCheckResult.Unhealthy("mail pickup folder not writable");
        }
    }
}
