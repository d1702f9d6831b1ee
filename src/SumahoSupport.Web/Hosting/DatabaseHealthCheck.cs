using Microsoft.Extensions.Diagnostics.HealthChecks;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Hosting;

/// <summary>/healthz is healthy only while the database answers.</summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
