using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Data;

/// <summary>
/// What a statement costs beyond its work, where a booking at 9:00 pays it a dozen times: no savepoint around a unit's
/// saves, no statement for its lock timeout, and on PostgreSQL no parsing and planning of a statement the connection has
/// run before.
/// </summary>
public sealed class StatementCostTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Any time will do: the entries are only counted; a fixed one keeps the machine's clock out of the test.
    private static readonly DateTime Written = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AUnitThatSavesTwice_TakesNoSavepoint()
    {
        var savepoints = new Savepoints();
        using var scope = app.Services.CreateScope();
        var options = new DbContextOptionsBuilder<AppDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>())
            .AddInterceptors(savepoints).Options;
        await using var db = new AppDbContext(options);
        var work = new UnitOfWork(db, new OutboxSignal(), scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>());

        await work.RunAsync(async unit =>
        {
            db.AuditEntries.Add(new AuditEntry { Action = "test.first-save", Actor = "test", SubjectType = "Test", SubjectId = "1", AtUtc = Written });
            await unit.SaveAsync(Ct);
            db.AuditEntries.Add(new AuditEntry { Action = "test.second-save", Actor = "test", SubjectType = "Test", SubjectId = "1", AtUtc = Written });
        }, Ct);

        Assert.Equal(0, savepoints.Taken);
        Assert.Equal(2, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "test.first-save" || a.Action == "test.second-save")));
    }

    [Theory]
    [InlineData("Host=db.city.example;Database=sumaho", 64)]
    [InlineData("Host=db.city.example;Database=sumaho;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.city.example;Database=sumaho;maxautoprepare=8", 8)]
    public void APostgreSqlConnectionString_PreparesStatements_UnlessTheCitySaidOtherwise(string given, int prepared) =>
        Assert.Equal(prepared, new Npgsql.NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithPreparedStatements(given)).MaxAutoPrepare);

    [Fact]
    public void AStringNpgsqlCannotRead_IsLeftAsGiven_ForTheFirstConnectionToExplain()
    {
        // The EF tools name only the provider, so the SQLite default arrives here; the host must still build.
        const string sqliteDefault = DataServiceCollectionExtensions.DefaultConnectionString;
        Assert.Equal(sqliteDefault, DataServiceCollectionExtensions.WithPreparedStatements(sqliteDefault));
    }

    [Fact]
    [Trait("Provider", "ServerOnly")]
    public async Task OnPostgreSql_AStatementRunOftenOnAConnection_IsPreparedOnTheServer()
    {
        Assert.SkipUnless(AppFactory.Provider == DatabaseProviders.PostgreSql, "Prepared statements are PostgreSQL's (Npgsql's Max Auto Prepare).");
        var prepared = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(Ct);
            for (var i = 0; i < 6; i++) await db.Venues.CountAsync(v => v.Id > i, Ct);
            return await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements").SingleAsync(Ct);
        });
        Assert.True(prepared > 0, "The venues count, run six times on one connection, was parsed and planned every time.");
    }

    [Theory]
    [InlineData("Host=db.city.example;Database=sumaho", "-c lock_timeout=5000")]
    [InlineData("Host=db.city.example;Database=sumaho;Options=-c search_path=city", "-c search_path=city -c lock_timeout=5000")]
    [InlineData("Host=db.city.example;Database=sumaho;Options=-c lock_timeout=2s", "-c lock_timeout=2s")]
    public void APostgreSqlConnection_StartsWithTheLockTimeout_UnlessTheCitySetOne(string given, string options) =>
        Assert.Equal(options, new Npgsql.NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithLockTimeout(given, TimeSpan.FromSeconds(5))).Options);

    /// <summary>
    /// The lock timeout is the connection's, so a unit spends no statement on it; work that waits longer (a migration, the
    /// seeding lock) lifts it on its own connection, and that connection comes back from the pool with the app's again.
    /// </summary>
    [Fact]
    [Trait("Provider", "ServerOnly")]
    public async Task OnPostgreSql_AUnitSpendsNoStatementOnItsLockTimeout_AndALiftedOneDoesNotOutliveItsConnection()
    {
        Assert.SkipUnless(AppFactory.Provider == DatabaseProviders.PostgreSql, "lock_timeout is PostgreSQL's setting.");
        var commands = new Commands();
        using var scope = app.Services.CreateScope();
        // The app's connection string, in a pool of one connection of its own: the third context gets the second's.
        var appString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        var oneConnection = new Npgsql.NpgsqlConnectionStringBuilder(appString) { MaxPoolSize = 1, ApplicationName = "lock-timeout-test" }.ConnectionString;
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(oneConnection).AddInterceptors(commands).Options;
        var configured = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>();
        static async Task<Setting> SettingAsync(AppDbContext db) => (await db.Database
            .SqlQueryRaw<Setting>("SELECT current_setting('lock_timeout') AS \"Timeout\", pg_backend_pid() AS \"Backend\"")
            .ToListAsync(Ct)).Single();

        await using (var db = new AppDbContext(options))
        {
            var inUnit = await new UnitOfWork(db, new OutboxSignal(), configured).RunAsync(async unit =>
            {
                db.AuditEntries.Add(new AuditEntry { Action = "test.lock-timeout", Actor = "test", SubjectType = "Test", SubjectId = "1", AtUtc = Written });
                return await SettingAsync(db);
            }, Ct);
            Assert.Equal($"{configured.Value.LockTimeoutSeconds}s", inUnit.Timeout);
            Assert.DoesNotContain(commands.Texts, text => text.Contains("lock_timeout", StringComparison.Ordinal) && !text.Contains("current_setting", StringComparison.Ordinal));
        }

        int lifted;
        await using (var db = new AppDbContext(options))
        {
            await db.Database.OpenConnectionAsync(Ct);
            await LockTimeouts.WaitAsLongAsItTakesAsync(db.Database, Ct);
            var setting = await SettingAsync(db);
            Assert.Equal("0", setting.Timeout);
            lifted = setting.Backend;
            await db.Database.CloseConnectionAsync();
        }
        await using (var db = new AppDbContext(options))
        {
            var again = await SettingAsync(db);
            Assert.Equal(lifted, again.Backend);
            Assert.Equal($"{configured.Value.LockTimeoutSeconds}s", again.Timeout);
        }
    }

    private sealed class Setting
    {
        public string Timeout { get; set; } = "";

        public int Backend { get; set; }
    }

    private sealed class Commands : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class Savepoints : DbTransactionInterceptor
    {
        public int Taken { get; private set; }

        public override ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Taken++;
            return base.CreatingSavepointAsync(transaction, eventData, result, cancellationToken);
        }
    }
}
