using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SumahoSupport.Core.Data;

/// <summary>
/// How long a unit of work waits for a row or a named lock before it gives up — as pretix does, a few seconds: a writer
/// stuck behind a long lock (a migration, a hung session) answers "busy, try again" (<see cref="DatabaseFaults"/>)
/// instead of holding the resident, a pooled connection and the class's queue for as long as the lock lasts.
/// </summary>
public static class LockTimeouts
{
    /// <summary>
    /// Sets the bound for the unit about to run. PostgreSQL has it already: every connection starts with it as its
    /// <c>lock_timeout</c> (<see cref="DataServiceCollectionExtensions.WithLockTimeout"/>), which spares each transaction
    /// a statement. SQLite's writers wait on the file's busy timeout instead.
    /// </summary>
    public static async Task ApplyAsync(DatabaseFacade database, TimeSpan timeout, CancellationToken ct)
    {
        var milliseconds = ((int)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (database.IsSqlServer())
        {
            // SQL Server has no per-transaction form; every unit sets it, so the connection's value is always this one.
            // SET LOCK_TIMEOUT takes no parameter; the text is a number formatted here, not anything a person typed.
#pragma warning disable EF1003
            await database.ExecuteSqlRawAsync("SET LOCK_TIMEOUT " + milliseconds, ct);
#pragma warning restore EF1003
        }
    }

    /// <summary>
    /// For work that must wait for its locks as long as they are held — a migration, the seeding that a second instance
    /// starting at once waits out — on a connection it holds open: no bound on PostgreSQL until the connection goes back
    /// to the pool, whose reset brings back the app's.
    /// </summary>
    public static async Task WaitAsLongAsItTakesAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (database.IsNpgsql()) await database.ExecuteSqlRawAsync("SET lock_timeout = 0", ct);
    }
}
