using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SumahoSupport.Core.Data;

/// <summary>
/// A lock on a name, held until the current transaction ends, for rules that count rows and then add one (a resident's
/// booking quota) where no existing row is there to lock. Without it two transactions on a server database count the
/// same rows under READ COMMITTED and both add (docs/ARCHITECTURE.md, "Concurrency").
/// </summary>
public static class TransactionLocks
{
    public static async Task LockAsync(this DatabaseFacade database, string name, CancellationToken ct)
    {
        if (database.CurrentTransaction is null) throw new InvalidOperationException("A transaction lock needs a transaction.");
        if (database.IsSqlServer())
        {
            await database.ExecuteSqlAsync(
                $"EXEC sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000", ct);
        }
        // SQLite: every write transaction is BEGIN IMMEDIATE and holds the database's only write lock already.
    }
}
