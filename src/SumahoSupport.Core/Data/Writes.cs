using Microsoft.EntityFrameworkCore.Storage;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Core.Data;

/// <summary>
/// How a service ends a write: the change, its audit entries and the mail it queued are saved in one transaction, so
/// an audit entry commits with its change or not at all, and the outbox sender is woken only for mail that was
/// committed (docs/ARCHITECTURE.md, "Writes").
/// </summary>
public static class Writes
{
    /// <summary>
    /// Saves new rows whose audit entry names their generated id: the rows are saved, <paramref name="recordAudit"/>
    /// records the entry, and both are committed together — in the caller's transaction when there is one.
    /// </summary>
    public static async Task SaveNewAsync(this AppDbContext db, Action recordAudit, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            await db.SaveChangesAsync(ct);
            recordAudit();
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
        }
    }

    /// <summary>Saves what <paramref name="tx"/> holds, commits it, then wakes the outbox sender for the mail it queued.</summary>
    public static async Task CommitAsync(this AppDbContext db, IDbContextTransaction tx, OutboxSignal outbox, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
    }
}
