using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SumahoSupport.Core.Notifications;

/// <summary>
/// Runs the outbox dispatcher in the background: on a signal after new mail, or every few seconds. On shutdown the batch in
/// hand may finish — its sending is cancelled only shortly before the host's own shutdown timeout, and whatever it has not
/// sent by then goes back to the queue at once (its leases released), for the next instance.
/// </summary>
public sealed class OutboxDispatcherHost(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<MailOptions> options, IOptions<HostOptions> host, ILogger<OutboxDispatcherHost> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.Dispatcher.PollSeconds);
        var grace = host.Value.ShutdownTimeout - TimeSpan.FromSeconds(Math.Min(5, host.Value.ShutdownTimeout.TotalSeconds / 2));
        using var sending = new CancellationTokenSource();
        using var _ = stoppingToken.Register(() => sending.CancelAfter(grace));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAllDueAsync(sending.Token, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing is lost: claimed rows go back to the queue when their lease runs out.
                logger.LogError(e, "Outbox dispatch failed; retrying in {Seconds} s.", poll.TotalSeconds);
            }
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
