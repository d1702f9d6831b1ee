using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SumahoSupport.Core.Data;

/// <summary>
/// Locks on a name, for work where no existing row is there to lock: a rule that counts rows and then adds one (a
/// resident's booking quota), or the start-up seeding two instances may begin at the same moment. Without them two
/// transactions on a server database count the same rows under READ COMMITTED and both add (docs/ARCHITECTURE.md,
/// "Concurrency"). SQLite needs none: every write transaction holds the database's only write lock already.
/// </summary>
public static class DatabaseLocks
{
    /// <summary>Waits for the lock and holds it until the current transaction ends.</summary>
    public static async Task LockAsync(this DatabaseFacade database, string name, CancellationToken ct)
    {
        if (database.CurrentTransaction is null) throw new InvalidOperationException("A transaction lock needs a transaction.");
        if (database.IsSqlServer())
        {
            await database.ExecuteSqlAsync(SqlServerLock(name, "Transaction", null), ct);
        }
        else if (database.IsNpgsql())
        {
            // Advisory locks take a 64-bit key; hashtextextended is PostgreSQL's own stable hash of the name.
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", ct);
        }
    }

    /// <summary>
    /// Waits for the lock and holds it, outside any transaction, until the result is disposed — for work made of many
    /// transactions of its own. The connection stays open meanwhile, because the lock belongs to it.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldAsync(this DatabaseFacade database, string name, CancellationToken ct)
    {
        if (database.IsSqlite()) return new Held(database, null);
        await database.OpenConnectionAsync(ct);
        if (database.IsSqlServer())
        {
            await database.ExecuteSqlAsync(SqlServerLock(name, "Session", 120000), ct);
            return new Held(database, $"EXEC sp_releaseapplock @Resource = {name}, @LockOwner = 'Session'");
        }
        await LockTimeouts.WaitAsLongAsItTakesAsync(database, ct);
        await database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtextextended({name}, 0))", ct);
        return new Held(database, $"SELECT pg_advisory_unlock(hashtextextended({name}, 0))");
    }

    /// <summary>
    /// sp_getapplock answers a timeout with a negative code, not an error: turn it into error 51222, which the app answers
    /// as "busy" (DatabaseFaults). Without a time-out of its own it waits as long as the unit's LOCK_TIMEOUT (LockTimeouts).
    /// </summary>
    private static FormattableString SqlServerLock(string name, string owner, int? timeoutMs) => timeoutMs is { } ms
        ? (FormattableString)$"DECLARE @result int; EXEC @result = sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = {owner}, @LockTimeout = {ms}; IF @result < 0 THROW 51222, 'sp_getapplock timed out', 1;"
        : $"DECLARE @result int, @timeout int = @@LOCK_TIMEOUT; EXEC @result = sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = {owner}, @LockTimeout = @timeout; IF @result < 0 THROW 51222, 'sp_getapplock timed out', 1;";

    private sealed class Held(DatabaseFacade database, FormattableString? release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (release is null) return;
            await database.ExecuteSqlAsync(release);
            await database.CloseConnectionAsync();
        }
    }
}
