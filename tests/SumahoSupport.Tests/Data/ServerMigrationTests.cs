using Microsoft.EntityFrameworkCore;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Data;

/// <summary>
/// A shared server database is changed only by the explicit <c>migrate</c> command, run as a process as a city's
/// operator would; until then the app refuses to start. Not run on SQLite, which the app migrates itself.
/// </summary>
[Trait("Provider", "ServerOnly")]
public sealed class ServerMigrationTests : IDisposable
{
    private readonly string connectionString = TestDatabases.CreateServerDatabase(migrated: false);

    [Fact]
    public async Task OnAnEmptyDatabase_TheAppRefusesToStart_UntilMigrateHasRun()
    {
        var (refused, why) = await WebCommand.RunAsync(connectionString, "create-admin", "--email", "first@city.example");
        Assert.NotEqual(0, refused);
        Assert.Contains("未適用のマイグレーション", why, StringComparison.Ordinal);

        var (migrated, said) = await WebCommand.RunAsync(connectionString, "migrate");
        Assert.Equal(0, migrated);
        Assert.Contains("データベースを最新の状態にしました", said, StringComparison.Ordinal);
        await using (var db = TestDatabases.Context(connectionString))
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        }

        var (again, _) = await WebCommand.RunAsync(connectionString, "migrate");
        Assert.Equal(0, again);
        var (created, output) = await WebCommand.RunAsync(connectionString, "create-admin", "--email", "first@city.example");
        Assert.Equal(0, created);
        Assert.Contains("first@city.example", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupCommand_OnAServerDatabase_PointsToTheServersOwnTools()
    {
        var (exitCode, output) = await WebCommand.RunAsync(connectionString, "backup");
        Assert.Equal(2, exitCode);
        Assert.Contains("pg_dump", output, StringComparison.Ordinal);
    }

    public void Dispose() => TestDatabases.DropServerDatabase(connectionString);
}
