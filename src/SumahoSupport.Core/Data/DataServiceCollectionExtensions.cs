using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Classes;

namespace SumahoSupport.Core.Data;

public static class DataServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=App_Data/sumaho.db";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the provider named by <c>Database:Provider</c>, each provider with
    /// its own migrations assembly. A relative SQLite path is taken from <paramref name="contentRoot"/>, not from
    /// wherever the process happened to be started.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration[$"{DatabaseOptions.Section}:Provider"] ?? DatabaseProviders.Sqlite;
        var connectionString = configuration.GetConnectionString("Default") ?? DefaultConnectionString;
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.CheckSettings<DatabaseOptions>((database, _) =>
        [
            SettingsChecks.Between("Database:LockTimeoutSeconds", database.LockTimeoutSeconds, 1, 60),
            SettingsChecks.Between("Database:MinFreeMegabytes", database.MinFreeMegabytes, 0, 1_000_000_000),
        ]);

        // The context's options are the same for every request, so they are built once (optionsLifetime), not per request
        // as AddDbContext does by default — a cost the booking storm's profile showed in every request.
        switch (provider)
        {
            case DatabaseProviders.Sqlite:
                var sqlite = ResolveSqlitePath(connectionString, contentRoot);
                // SQLite changes a column by rebuilding its table, with foreign keys off, which cannot run in a transaction;
                // EF warns of it on every such migration. The app guards it instead: an existing file is backed up before any
                // migration touches it (DatabaseInitializer), and a new file has nothing to lose. So a first start is quiet.
                services.AddDbContext<AppDbContext>(options => options
                    .UseSqlite(sqlite, sql => sql.MigrationsAssembly("SumahoSupport.Migrations.Sqlite"))
                    .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)), optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProviders.SqlServer:
                services.AddDbContext<AppDbContext>(options => options.UseSqlServer(connectionString,
                    sql => sql.MigrationsAssembly("SumahoSupport.Migrations.SqlServer").ExecutionStrategy(d => new RetryOnConnectionLoss(d))), optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProviders.PostgreSql:
                var lockTimeout = (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).LockTimeout;
                connectionString = WithLockTimeout(WithPreparedStatements(connectionString), lockTimeout);
                services.AddDbContext<AppDbContext>(options => options.UseNpgsql(connectionString,
                    sql => sql.MigrationsAssembly("SumahoSupport.Migrations.PostgreSql").ExecutionStrategy(d => new RetryOnConnectionLoss(d))), optionsLifetime: ServiceLifetime.Singleton);
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{provider}' は使えません。{string.Join("・", DatabaseProviders.All.Select(p => $"'{p}'"))} のどれかを指定してください。");
        }
        services.AddScoped<UnitOfWork>();
        services.AddSingleton(sp => CatalogVersion.For(provider, connectionString, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CatalogVersion>>()));
        return services;
    }

    /// <summary>
    /// The PostgreSQL connection string with Npgsql's automatic preparation on, unless the city's string says otherwise: a
    /// statement a connection has run a few times is kept prepared on the server, which then neither parses nor plans it
    /// again. A booking is about ten such statements; parsing and planning them was most of PostgreSQL's time in the
    /// 9:00 storm (docs/ARCHITECTURE.md, "Performance"). Behind a PgBouncer older than 1.21 in transaction mode, which
    /// cannot keep prepared statements, the city sets <c>Max Auto Prepare=0</c>.
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return AdjustedForNpgsql(connectionString, builder => builder.MaxAutoPrepare = PreparedStatementsPerConnection);
    }

    /// <summary>
    /// The PostgreSQL connection string with <c>Database:LockTimeoutSeconds</c> as the session's <c>lock_timeout</c>, sent
    /// when the connection starts (<see cref="LockTimeouts"/>): a setting of every connection rather than a statement at
    /// the start of every transaction — a round trip fewer for each write. Npgsql's reset of a pooled connection
    /// (<c>RESET ALL</c>) returns to it, so work that set a longer wait for itself does not pass it on. A string whose
    /// <c>Options</c> already name <c>lock_timeout</c> is left as the city wrote it.
    /// </summary>
    internal static string WithLockTimeout(string connectionString, TimeSpan lockTimeout) => AdjustedForNpgsql(connectionString, builder =>
    {
        if (builder.Options?.Contains("lock_timeout", StringComparison.OrdinalIgnoreCase) == true) return;
        var setting = $"-c lock_timeout={(int)lockTimeout.TotalMilliseconds}";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? setting : builder.Options + " " + setting;
    });

    private static string AdjustedForNpgsql(string connectionString, Action<Npgsql.NpgsqlConnectionStringBuilder> change)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            change(builder);
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            // Not a string Npgsql reads (the SQLite default, when only the provider was named — as the EF tools do): left
            // as given, so the first connection says what is wrong with it, as it always did.
            return connectionString;
        }
    }

    /// <summary>More than the statements the public pages and the booking run, so the hot ones stay prepared.</summary>
    private const int PreparedStatementsPerConnection = 64;

    internal static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        // Writers wait for each other instead of failing at once; booking transactions are short.
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
