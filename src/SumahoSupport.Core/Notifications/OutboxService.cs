using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Notifications;

/// <summary>What coordinators do with the outbox: send a dead message again (the unit wakes the sender once it commits).</summary>
public sealed class OutboxService(AppDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock)
{
    public Task<bool> ResendAsync(long id, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            var reset = await unit.UpdateAsync(db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Dead), m => m
                .SetProperty(x => x.Status, OutboxStatus.Pending)
                .SetProperty(x => x.Attempts, 0)
                .SetProperty(x => x.NextAttemptAtUtc, clock.GetUtcNow().UtcDateTime)
                .SetProperty(x => x.LastError, (string?)null), ct);
            if (reset == 0) return unit.Discard(false);
            audit.Record("mail.resent", nameof(OutboxMessage), id);
            return true;
        }, ct);
}
