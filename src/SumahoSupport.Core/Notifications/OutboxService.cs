using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Notifications;

/// <summary>What coordinators do with the outbox: send a dead message again.</summary>
public sealed class OutboxService(AppDbContext db, AuditLog audit, TimeProvider clock, OutboxSignal signal)
{
    public async Task<bool> ResendAsync(long id, CancellationToken ct)
    {
        var reset = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Dead).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Status, OutboxStatus.Pending)
            .SetProperty(x => x.Attempts, 0)
            .SetProperty(x => x.NextAttemptAtUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(x => x.LastError, (string?)null), ct);
        if (reset == 0) return false;
        audit.Record("mail.resent", nameof(OutboxMessage), id);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return true;
    }
}
