using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Data;

/// <summary>
/// What only a SQLite file has: the app creates and migrates it on start, in WAL mode, and copies it before an upgrade
/// changes it (SQLite migrations rebuild tables outside a transaction). Not run on the server databases (test.sh).
/// </summary>
[Trait("Provider", "SqliteOnly")]
public sealed class SqliteFileTests
{
    private const string Marker = "市の大事なデータ";

    [Fact]
    public async Task Start_CreatesTheFileInWalMode_AndBacksUpNothingNew()
    {
        using var app = new AppFactory();
        _ = app.Server;
        Assert.True(File.Exists(app.DatabasePath));
        var mode = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", Assert.Single(mode));
        Assert.Empty(Backups(app));
    }

    [Fact]
    public async Task Upgrade_OfAnExistingFile_WritesABackupOfItFirst()
    {
        using var app = new AppFactory();
        var previous = await CreateOneReleaseBehindAsync(app.ConnectionString);

        _ = app.Server;

        var backup = Assert.Single(Backups(app));
        await using (var copy = TestDatabases.Context($"Data Source={backup}", DatabaseProviders.Sqlite))
        {
            Assert.Equal(Marker, Assert.Single(await copy.Database.SqlQueryRaw<string>("SELECT Text AS Value FROM Marker").ToListAsync(TestContext.Current.CancellationToken)));
            Assert.Equal(previous, (await copy.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Last());
        }
        var (applied, all) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.Equal(all, applied);
        Assert.Equal(Marker, Assert.Single(await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT Text AS Value FROM Marker").ToListAsync())));

        _ = app.Server;
        Assert.Single(Backups(app));
    }

    [Fact]
    public async Task BackupCommand_WritesACopyWithTheSameRows_AndRefusesToOverwriteOne()
    {
        using var app = new AppFactory();
        _ = app.Server;
        var target = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "copies", "before-april.db");

        var (exitCode, output) = await WebCommand.RunAsync(app.ConnectionString, "backup", "--to", target);

        Assert.Equal(0, exitCode);
        Assert.Contains(target, output, StringComparison.Ordinal);
        await using var copy = TestDatabases.Context($"Data Source={target}", DatabaseProviders.Sqlite);
        Assert.Equal(await app.WithDbAsync(db => db.ClassSessions.CountAsync()), await copy.ClassSessions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(await app.WithDbAsync(db => db.Bookings.CountAsync()), await copy.Bookings.CountAsync(TestContext.Current.CancellationToken));

        var (again, message) = await WebCommand.RunAsync(app.ConnectionString, "backup", "--to", target);
        Assert.Equal(1, again);
        Assert.Contains("すでにあります", message, StringComparison.Ordinal);
    }

    /// <summary>A file as the previous release left it (every migration but the last), holding a row of the city's.</summary>
    private static async Task<string> CreateOneReleaseBehindAsync(string connectionString)
    {
        await using var db = TestDatabases.Context(connectionString, DatabaseProviders.Sqlite);
        var migrations = db.Database.GetMigrations().ToList();
        var previous = migrations[^2];
        await db.GetService<IMigrator>().MigrateAsync(previous, TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE Marker (Text TEXT NOT NULL)", TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO Marker (Text) VALUES ({Marker})", TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();
        return previous;
    }

    private static string[] Backups(AppFactory app) =>
        Directory.GetFiles(Path.GetDirectoryName(app.DatabasePath)!, "sumaho.*.backup.db");
}
