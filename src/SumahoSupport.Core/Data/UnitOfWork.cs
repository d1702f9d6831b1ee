using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Core.Data;

/// <summary>
/// The one way a change is written (docs/ARCHITECTURE.md, "Writes"): it opens the transaction, bounds how long any lock
/// in it may be waited for, runs the change, saves it with the audit entries and outbox rows it added, commits, and only
/// then wakes the outbox sender. Every row a change writes goes through the <see cref="Unit"/> it is given — there is no
/// other handle to write with — so a write outside a unit stands out in review, and <c>OneWayToWriteTests</c> finds it.
/// On a server database a connection lost mid-way (a restart, a fail-over) runs the whole unit again on a new
/// connection (<see cref="RetryOnConnectionLoss"/>): a change is made whole or not at all, never half of it twice.
/// </summary>
public sealed class UnitOfWork(AppDbContext db, OutboxSignal outbox, IOptions<DatabaseOptions> options)
{
    private Unit? open;

    /// <summary>Runs a change that only adds rows (an audit entry of its own) as one transaction; see <see cref="RunAsync{T}"/>.</summary>
    public Task RunAsync(Action<Unit> change, CancellationToken ct) =>
        RunAsync(unit =>
        {
            change(unit);
            return Task.FromResult(true);
        }, ct);

    /// <summary>Runs <paramref name="change"/> as one transaction; see <see cref="RunAsync{T}"/>.</summary>
    public Task RunAsync(Func<Unit, Task> change, CancellationToken ct) =>
        RunAsync(async unit =>
        {
            await change(unit);
            return true;
        }, ct);

    /// <summary>
    /// Runs <paramref name="change"/> as one transaction and commits what it added and changed — unless it called
    /// <see cref="Unit.Discard{T}"/>, an expected refusal, when nothing of it is kept. Called inside a unit already open
    /// (one service's write made of another's), the change joins that unit: the whole is kept, or none of it.
    /// Everything a change writes must happen inside it: a retry starts again from what the database holds.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Unit, Task<T>> change, CancellationToken ct)
    {
        if (open is not null) return await change(open);
        var attempts = 0;
        var (result, wroteOutbox) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            // A retry starts from the database, not from what the lost attempt left tracked.
            if (attempts++ > 0) db.ChangeTracker.Clear();
            var unit = open = new Unit(db);
            // A unit is kept whole or not at all, and a failed save ends it, so the savepoint EF takes before each save in
            // a transaction (to go on after a failed one) would only cost a round trip or two per save.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(token);
                await LockTimeouts.ApplyAsync(db.Database, options.Value.LockTimeout, token);
                var value = await change(unit);
                if (unit.Discarded)
                {
                    await tx.RollbackAsync(token);
                    // What the refused change added (an audit entry, a mail) must not ride on a later save.
                    db.ChangeTracker.Clear();
                    return (value, false);
                }
                await db.SaveChangesAsync(token);
                await tx.CommitAsync(token);
                return (value, unit.WroteOutbox || db.ChangeTracker.Entries<OutboxMessage>().Any());
            }
            finally
            {
                open = null;
            }
        }, ct);
        // Only a change that wrote mail wakes the sender: in a booking storm most residents have none, and every wake
        // is a query for due mail (measured: 8% of the app's time at 9:00).
        if (wroteOutbox) outbox.Notify();
        return result;
    }
}

/// <summary>
/// A change being written: the only handle that writes rows. Saving, set-based updates and deletes all run inside the
/// unit's transaction; <see cref="Discard{T}"/> ends it without keeping anything.
/// </summary>
public sealed class Unit
{
    private readonly AppDbContext db;

    internal Unit(AppDbContext db) => this.db = db;

    internal bool Discarded { get; private set; }

    /// <summary>Saves what the change added so far — for rows whose generated id an audit entry or a later row names.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>Whether a set-based statement of this unit changed outbox rows (a resend), so the sender is woken.</summary>
    internal bool WroteOutbox { get; private set; }

    /// <summary>One UPDATE of the rows <paramref name="rows"/> selects; returns how many it changed.</summary>
    public Task<int> UpdateAsync<TEntity>(IQueryable<TEntity> rows, Action<UpdateSettersBuilder<TEntity>> set, CancellationToken ct)
    {
        WroteOutbox |= typeof(TEntity) == typeof(OutboxMessage);
        return rows.ExecuteUpdateAsync(set, ct);
    }

    /// <summary>One DELETE of the rows <paramref name="rows"/> selects; returns how many it removed.</summary>
    public Task<int> DeleteAsync<TEntity>(IQueryable<TEntity> rows, CancellationToken ct) => rows.ExecuteDeleteAsync(ct);

    /// <summary>An expected refusal (full, not allowed, already done): nothing of the unit is kept; returns the answer.</summary>
    public T Discard<T>(T outcome)
    {
        Discarded = true;
        return outcome;
    }
}
