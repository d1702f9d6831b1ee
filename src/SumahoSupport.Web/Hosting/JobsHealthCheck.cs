using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SumahoSupport.Core.Jobs;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// The minute jobs on this instance: when each last succeeded (and failed). A job whose latest run failed makes the
/// report Degraded, which still answers 200 — the instance serves residents; the job needs a person, not a restart.
/// </summary>
internal sealed class JobsHealthCheck(JobHealth health, IEnumerable<MinuteJob> jobs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = health.Snapshot();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failing = new List<string>();
        foreach (var job in jobs)
        {
            if (!states.TryGetValue(job.Name, out var state))
            {
                data[job.Name] = "not run on this instance yet";
                continue;
            }
            data[job.Name] = string.Join("; ", new[]
            {
                state.LastSuccess is { } ok ? $"last succeeded {Iso(ok)}" : "never succeeded",
                state.LastFailure is { } failed ? $"last failed {Iso(failed)} ({state.Error})" : null,
            }.Where(part => part is not null));
            if (state.Failing) failing.Add(job.Name);
        }
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy("every minute job's latest run succeeded (or none ran here)", data)
            : HealthCheckResult.Degraded($"failing: {string.Join(", ", failing)}", data: data));
    }

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
