using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// Which database the integration tests run on, and a throw-away database of its own for every app the tests start.
/// <c>SUMAHO_TEST_DATABASE</c> names the provider (<c>Sqlite</c> when unset, <c>PostgreSql</c>, <c>SqlServer</c>);
/// the server's connection string comes from <c>SUMAHO_POSTGRES</c> or <c>SUMAHO_SQLSERVER</c>. test.sh runs the
/// whole project once per provider.
/// </summary>
public static class TestDatabases
{
    public const string ProviderVariable = "SUMAHO_TEST_DATABASE";

    public static string Provider { get; } = Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } named
        ? DatabaseProviders.All.SingleOrDefault(p => p.Equals(named, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"{ProviderVariable}={named}: expected one of {string.Join(", ", DatabaseProviders.All)}")
        : DatabaseProviders.Sqlite;

    public static bool IsServer => Provider != DatabaseProviders.Sqlite;

    /// <summary>
    /// A new, migrated database on the server (the app refuses to start on an unmigrated one). PostgreSQL copies a
    /// template migrated once per test run, which takes a fraction of a second instead of replaying every migration.
    /// </summary>
    /// <param name="migrated">false for an empty database, as a DBA creates it before the first <c>migrate</c>.</param>
    public static string CreateServerDatabase(bool migrated = true)
    {
        var name = $"sumaho_test_{Guid.NewGuid():N}";
        switch (Provider)
        {
            case DatabaseProviders.PostgreSql:
                var template = migrated ? $" TEMPLATE \"{PostgreSqlTemplate.Value}\"" : "";
                Execute(new NpgsqlConnection(PostgreSqlServer), $"CREATE DATABASE \"{name}\"{template}");
                return new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = name }.ConnectionString;
            case DatabaseProviders.SqlServer:
                // An empty database, as a DBA creates it; the schema only ever comes from the migrations.
                Execute(new SqlConnection(SqlServerServer), $"CREATE DATABASE [{name}]");
                var connectionString = new SqlConnectionStringBuilder(SqlServerServer) { InitialCatalog = name }.ConnectionString;
                if (migrated)
                {
                    using var db = Context(connectionString);
                    db.Database.Migrate();
                }
                return connectionString;
            default:
                throw new InvalidOperationException("SQLite databases are files the app creates itself.");
        }
    }

    public static void DropServerDatabase(string connectionString)
    {
        switch (Provider)
        {
            case DatabaseProviders.PostgreSql:
                var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
                NpgsqlConnection.ClearAllPools();
                Execute(new NpgsqlConnection(PostgreSqlServer), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                break;
            case DatabaseProviders.SqlServer:
                SqlConnection.ClearAllPools();
                using (var db = Context(connectionString)) db.Database.EnsureDeleted();
                break;
        }
    }

    /// <summary>An AppDbContext on <paramref name="connectionString"/> (of this run's provider unless named), outside any app.</summary>
    public static AppDbContext Context(string connectionString, string? provider = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        _ = (provider ?? Provider) switch
        {
            DatabaseProviders.PostgreSql => options.UseNpgsql(connectionString, sql => sql.MigrationsAssembly("SumahoSupport.Migrations.PostgreSql")),
            DatabaseProviders.SqlServer => options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly("SumahoSupport.Migrations.SqlServer")),
            _ => options.UseSqlite(connectionString, sql => sql.MigrationsAssembly("SumahoSupport.Migrations.Sqlite")),
        };
        return new AppDbContext(options.Options);
    }

    private static string PostgreSqlServer => Required("SUMAHO_POSTGRES");

    private static string SqlServerServer => Required("SUMAHO_SQLSERVER");

    private static readonly Lazy<string> PostgreSqlTemplate = new(() =>
    {
        var name = $"sumaho_template_{Guid.NewGuid():N}";
        Execute(new NpgsqlConnection(PostgreSqlServer), $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = name }.ConnectionString;
        using (var db = Context(connectionString)) db.Database.Migrate();
        // A template may not have open connections while it is copied.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute(new NpgsqlConnection(PostgreSqlServer), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The server went first (test.sh stops its cluster); nothing is left to tidy.
            }
        };
        return name;
    });

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{ProviderVariable}={Provider} needs {variable}, a connection string to a server where databases may be created.");

    private static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
