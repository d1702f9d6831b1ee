using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Observability;

namespace SumahoSupport.Core.Notifications;

public sealed record DispatchResult(int Sent, int Failed);

/// <summary>
/// Sends what the outbox holds. Rows are claimed with one conditional UPDATE that sets a lease, so two app instances
/// never send the same row; a sender that dies mid-batch leaves rows whose lease runs out and are claimed again.
/// Failures are retried with exponential backoff and, after the last attempt, parked as dead for a coordinator.
/// </summary>
public sealed class OutboxDispatcher(
    AppDbContext db, IMailTransport transport, Messaging.ChannelSender channels, Messaging.ResidentChannels quiet, IOptions<MailOptions> mail,
    IOptions<CityOptions> city, TimeProvider clock, ILogger<OutboxDispatcher> logger, AppMetrics metrics)
{
    /// <summary>How often a dispatcher reads the due rows again when another instance claimed every one it read.</summary>
    private const int ClaimReads = 3;

    private DispatcherOptions Options => mail.Value.Dispatcher;

    public async Task<DispatchResult> DispatchDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = Guid.NewGuid().ToString("N");
        var leaseEnds = now.AddSeconds(Options.LeaseSeconds);

        var due = db.OutboxMessages.Where(m =>
            (m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now) ||
            (m.Status == OutboxStatus.Sending && m.LeaseExpiresAtUtc < now));
        List<long> batch = [];
        var claimed = 0;
        // Another instance may claim the rows read here before this claim: then the next due rows are read (those it took
        // are no longer due), so two instances share a backlog rather than the slower one giving up until its next wake.
        for (var read = 0; claimed == 0 && read < ClaimReads; read++)
        {
            batch = await due.OrderBy(m => m.Id).Select(m => m.Id).Take(Options.BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return new DispatchResult(0, 0);
            // The claim repeats the "due" condition on each row, so a row another instance claimed meanwhile is skipped: on
            // PostgreSQL and SQL Server at READ COMMITTED the second UPDATE waits for the first one's row locks and then
            // re-checks the condition on the committed row, which is no longer due (docs/ARCHITECTURE.md, "Concurrency").
            claimed = await due.Where(m => batch.Contains(m.Id)).ExecuteUpdateAsync(m => m
                .SetProperty(x => x.Status, OutboxStatus.Sending)
                .SetProperty(x => x.LeaseToken, lease)
                .SetProperty(x => x.LeaseExpiresAtUtc, leaseEnds), ct);
        }
        if (claimed == 0) return new DispatchResult(0, 0);

        using var activity = AppMetrics.Activities.StartActivity("outbox.dispatch");
        activity?.SetTag("sumaho.outbox.claimed", claimed);
        // Read by key: the lease has no index, and scanning a large backlog for it cost more than sending the batch.
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => batch.Contains(m.Id) && m.LeaseToken == lease).OrderBy(m => m.Id).ToListAsync(ct);
        Exception?[] results;
        try
        {
            results = await HandOverAsync(rows, lease, ct);
        }
        catch (OperationCanceledException)
        {
            // Shutting down before the server answered: give the rows back now rather than when the lease runs out, so
            // the next instance (or this one, restarted) sends them at once. They may have gone out; a resend carries the
            // same Message-ID.
            await ReleaseAsync(lease);
            throw;
        }
        // What went out was marked as the server took it (HandOverAsync); each failure counts its own attempt.
        var sent = results.Count(r => r is null);
        for (var i = 0; i < rows.Count; i++)
        {
            if (results[i] is null) metrics.MessageSent(rows[i].Channel);
            else metrics.MessageFailed(rows[i].Channel, await MarkFailedAsync(rows[i], lease, results[i]!, now, CancellationToken.None));
        }
        activity?.SetTag("sumaho.outbox.sent", sent);
        if (sent < rows.Count) logger.LogWarning("Outbox: {Sent} sent, {Failed} failed (will retry).", sent, rows.Count - sent);
        return new DispatchResult(sent, rows.Count - sent);
    }

    /// <summary>
    /// The age of the oldest mail still to go, for the gauge operators watch; measured once a round, not once a batch
    /// (it reads the whole backlog).
    /// </summary>
    private async Task MeasureWaitingAsync(DateTime now, CancellationToken ct)
    {
        var oldest = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            .MinAsync(m => (DateTime?)m.CreatedAtUtc, ct);
        metrics.OutboxWaiting(oldest is { } created ? now - created : TimeSpan.Zero);
    }

    private Task<int> ReleaseAsync(string lease) =>
        db.OutboxMessages.Where(m => m.LeaseToken == lease && m.Status == OutboxStatus.Sending).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Status, OutboxStatus.Pending)
            .SetProperty(x => x.LeaseToken, (string?)null)
            .SetProperty(x => x.LeaseExpiresAtUtc, (DateTime?)null), CancellationToken.None);

    /// <summary>
    /// Gives the claimed rows to the transport; one result per row, null when it was accepted. Whatever goes wrong — a row
    /// that cannot be made into a message, a transport that throws instead of answering per message — is that row's
    /// failed attempt, so no row is ever left 「送信中」 with its attempts uncounted.
    /// </summary>
    private async Task<Exception?[]> HandOverAsync(IReadOnlyList<OutboxMessage> rows, string lease, CancellationToken ct)
    {
        var results = new Exception?[rows.Count];
        var composed = new List<(int Row, MimeKit.MimeMessage Message)>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Channel != MessageChannel.Mail)
            {
                results[i] = await HandOverToProviderAsync(rows[i], lease, ct);
                continue;
            }
            try
            {
                composed.Add((i, MailComposer.Compose(rows[i], mail.Value.From, $"{city.Value.Name} スマホ教室")));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                results[i] = e;
            }
        }
        IReadOnlyList<Exception?> sent;
        try
        {
            // Each mail is marked sent the moment the server accepted it, before the next goes: a crash (kill -9, a power cut)
            // between the two can re-send at most the one in hand, never the batch.
            sent = await transport.SendAsync([.. composed.Select(c => c.Message)],
                index => MarkSentAsync(rows[composed[index].Row].Id, lease, CancellationToken.None), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            sent = [.. composed.Select(_ => e)];
        }
        for (var i = 0; i < composed.Count; i++) results[composed[i].Row] = sent[i];
        return results;
    }

    /// <summary>
    /// A LINE message, text or call, marked sent (with the provider's id, which its status callbacks name) as soon as the
    /// provider accepted it; null then, else the failure.
    /// </summary>
    private async Task<Exception?> HandOverToProviderAsync(OutboxMessage row, string lease, CancellationToken ct)
    {
        try
        {
            var providerId = await channels.SendAsync(row, ct);
            await MarkSentAsync(row.Id, lease, CancellationToken.None, providerId);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return e;
        }
    }

    /// <summary>
    /// Dispatches until nothing is due, or — when <paramref name="stopping"/> fires — until the batch in hand is done
    /// (used by tests and the background host).
    /// </summary>
    public async Task<DispatchResult> DispatchAllDueAsync(CancellationToken ct, CancellationToken stopping = default)
    {
        int sent = 0, failed = 0;
        while (!stopping.IsCancellationRequested)
        {
            var round = await DispatchDueAsync(ct);
            sent += round.Sent;
            failed += round.Failed;
            if (round.Sent + round.Failed < Options.BatchSize || round.Sent == 0) break;
        }
        await MeasureWaitingAsync(clock.GetUtcNow().UtcDateTime, ct);
        return new DispatchResult(sent, failed);
    }

    private Task<int> MarkSentAsync(long id, string lease, CancellationToken ct, string? providerId = null) =>
        db.OutboxMessages.Where(m => m.Id == id && m.LeaseToken == lease).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Status, OutboxStatus.Sent)
            .SetProperty(x => x.ProviderId, providerId)
            .SetProperty(x => x.SentAtUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(x => x.Attempts, x => x.Attempts + 1)
            .SetProperty(x => x.LeaseToken, (string?)null)
            .SetProperty(x => x.LeaseExpiresAtUtc, (DateTime?)null)
            .SetProperty(x => x.LastError, (string?)null), ct);

    /// <summary>Counts the failed attempt and schedules the next; true when it was the last and the mail is now dead.</summary>
    private async Task<bool> MarkFailedAsync(OutboxMessage row, string lease, Exception error, DateTime now, CancellationToken ct)
    {
        var attempts = row.Attempts + 1;
        var dead = attempts >= Options.MaxAttempts;
        var retryAt = now.AddSeconds(Options.BackoffSeconds * Math.Pow(2, attempts - 1));
        // A LINE message, text or call retried into the evening waits for the morning.
        if (row.Channel != MessageChannel.Mail) retryAt = quiet.NotInQuietHours(retryAt);
        var message = $"{error.GetType().Name}: {error.Message}";
        await db.OutboxMessages.Where(m => m.Id == row.Id && m.LeaseToken == lease).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Status, dead ? OutboxStatus.Dead : OutboxStatus.Pending)
            .SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.NextAttemptAtUtc, retryAt)
            .SetProperty(x => x.LeaseToken, (string?)null)
            .SetProperty(x => x.LeaseExpiresAtUtc, (DateTime?)null)
            .SetProperty(x => x.LastError, message.Length > 1000 ? message[..1000] : message), ct);
        return dead;
    }
}
