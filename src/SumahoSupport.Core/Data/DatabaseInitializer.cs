using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SumahoSupport.Core.Data;

/// <summary>
/// Brings the schema up to date. SQLite (a single file the app owns) is migrated on start, after a backup copy of the
/// file; a shared PostgreSQL or SQL Server database is migrated only by the explicit <c>migrate</c> command, and the app
/// refuses to run against an old schema.
/// </summary>
public sealed class DatabaseInitializer(AppDbContext db, TimeProvider clock, ILogger<DatabaseInitializer> logger)
{
    public bool IsSqlite => db.Database.IsSqlite();

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (IsSqlite)
        {
            EnsureSqliteDirectory();
            await BackUpBeforeUpgradeAsync(ct);
        }
        // A migration waits for the tables it changes as long as the app's transactions hold them, not the app's few seconds.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await LockTimeouts.WaitAsLongAsItTakesAsync(db.Database, ct);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
                "データベースに未適用のマイグレーションがあります: " + string.Join(", ", pending) +
                "。'dotnet run --project src/SumahoSupport.Web -- migrate' を実行してから起動してください。");
        }
    }

    /// <summary>
    /// Copies the SQLite file, consistent even while the app is writing (<c>VACUUM INTO</c>), to
    /// <paramref name="target"/> or beside the file with the time in its name; returns where it went.
    /// </summary>
    public async Task<string> BackUpSqliteAsync(string? target, CancellationToken ct)
    {
        if (!IsSqlite) throw new InvalidOperationException("Only a SQLite database is backed up by the app; see README for the server databases.");
        var source = SqliteFile;
        if (!File.Exists(source)) throw new IOException($"データベースのファイル {source} がありません。");
        var path = Path.GetFullPath(target ?? Path.Combine(
            Path.GetDirectoryName(source) ?? ".",
            $"{Path.GetFileNameWithoutExtension(source)}.{clock.GetUtcNow():yyyyMMdd-HHmmss}.backup{Path.GetExtension(source)}"));
        if (File.Exists(path)) throw new IOException($"{path} はすでにあります。別の名前を指定してください。");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {path}", ct);
        return path;
    }

    /// <summary>
    /// SQLite migrations rebuild tables outside a transaction, so an upgrade that stops half-way could lose a city's
    /// data: an existing file gets a backup copy before any migration touches it. A new, empty file needs none.
    /// </summary>
    private async Task BackUpBeforeUpgradeAsync(CancellationToken ct)
    {
        if (!File.Exists(SqliteFile)) return;
        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any()) return;
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return;
        var backup = await BackUpSqliteAsync(null, ct);
        logger.LogWarning("Backed up the SQLite database to {Backup} before applying {Count} migration(s): {Migrations}.",
            backup, pending.Count, string.Join(", ", pending));
    }

    private string SqliteFile => new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

    private void EnsureSqliteDirectory()
    {
        var directory = Path.GetDirectoryName(SqliteFile);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
