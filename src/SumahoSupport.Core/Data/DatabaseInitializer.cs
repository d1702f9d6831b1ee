using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SumahoSupport.Core.Data;

/// <summary>
/// Brings the schema up to date. SQLite (a single file the app owns) is migrated on start; a shared SQL Server
/// is migrated only by the explicit <c>migrate</c> command, and the app refuses to run against an old schema.
/// </summary>
public sealed class DatabaseInitializer(AppDbContext db, ILogger<DatabaseInitializer> logger)
{
    public bool IsSqlite => db.Database.IsSqlite();

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (IsSqlite) EnsureSqliteDirectory();
        await db.Database.MigrateAsync(ct);
        if (IsSqlite)
        {
            // WAL lets residents read the class list while a booking is being written.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        logger.LogInformation("Database schema is up to date ({Provider}).", db.Database.ProviderName);
    }

    public async Task EnsureReadyOnStartAsync(CancellationToken ct)
    {
        if (IsSqlite)
        {
            await MigrateAsync(ct);
            return;
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                "SQL Server のデータベースに未適用のマイグレーションがあります: " + string.Join(", ", pending) +
                "。'dotnet run --project src/SumahoSupport.Web -- migrate' を実行してから起動してください。");
        }
    }

    private void EnsureSqliteDirectory()
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var directory = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
