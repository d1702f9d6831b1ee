using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Observability;

namespace SumahoSupport.Core.Jobs;

/// <summary>
/// One piece of the minute loop's work, registered by the feature it belongs to (<see cref="MinuteJobRegistration"/>).
/// <paramref name="RunAsync"/> answers how many messages it put in the outbox.
/// </summary>
public sealed record MinuteJob(string Name, Func<IServiceProvider, CancellationToken, Task<int>> RunAsync);

public static class MinuteJobRegistration
{
    /// <summary>Adds a job to the minute loop; jobs run in the order they are added.</summary>
    public static IServiceCollection AddMinuteJob(this IServiceCollection services, string name, Func<IServiceProvider, CancellationToken, Task<int>> run) =>
        services.AddSingleton(new MinuteJob(name, run));
}

/// <summary>
/// One pass of every minute job. Each runs in a scope of its own under a try of its own: a failing job is logged, counted
/// (<c>sumaho.jobs.failed</c>) and shown in <c>/healthz/ready</c>, and the others run as usual — a broken reminder must not
/// stop the retention rule. Each job is written so that running it again next minute finishes what a failure left.
/// </summary>
public sealed class MinuteJobs(
    IEnumerable<MinuteJob> jobs, IServiceScopeFactory scopes, OutboxSignal signal, JobHealth health, AppMetrics metrics,
    TimeProvider clock, ILogger<MinuteJobs> logger)
{
    public async Task RunOnceAsync(CancellationToken ct)
    {
        foreach (var job in jobs)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await job.RunAsync(scope.ServiceProvider, ct) > 0) signal.Notify();
                health.Succeeded(job.Name, clock.GetUtcNow());
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                health.Failed(job.Name, clock.GetUtcNow(), e);
                metrics.JobFailed(job.Name);
                logger.LogError(e, "The minute job {Job} failed; the other jobs went on, and it runs again in a minute.", job.Name);
            }
        }
    }
}

/// <summary>When each minute job last succeeded and last failed on this instance, for <c>/healthz/ready</c>.</summary>
public sealed class JobHealth
{
    private readonly ConcurrentDictionary<string, JobState> states = new(StringComparer.Ordinal);

    public void Succeeded(string job, DateTimeOffset at) =>
        states.AddOrUpdate(job, _ => new JobState(at, null, null, Failing: false), (_, s) => s with { LastSuccess = at, Failing = false });

    /// <summary>Keeps the exception's type only: its message may hold a resident's data.</summary>
    public void Failed(string job, DateTimeOffset at, Exception e) =>
        states.AddOrUpdate(job, _ => new JobState(null, at, e.GetType().Name, Failing: true), (_, s) => s with { LastFailure = at, Error = e.GetType().Name, Failing = true });

    public IReadOnlyDictionary<string, JobState> Snapshot() => new Dictionary<string, JobState>(states, StringComparer.Ordinal);
}

/// <summary>
/// A job's last runs; <paramref name="Failing"/> while its latest run failed (kept as such, not read from the two times,
/// which are equal when the clock has not moved between them).
/// </summary>
public sealed record JobState(DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? Error, bool Failing);

/// <summary>
/// Runs the minute jobs once a minute: tomorrow's reminders, the survey requests after today's classes, the certification
/// rule for what time changed, and once a day the retention rule for residents' personal data.
/// </summary>
public sealed class MinuteLoopHost(MinuteJobs jobs) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            do await jobs.RunOnceAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
