using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>Creates, migrates and drops one throw-away database per test class on the server in SUMAHO_SQLSERVER.</summary>
public static class SqlServerDatabase
{
    public const string Variable = "SUMAHO_SQLSERVER";

    public static string NewConnectionString()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
            throw new InvalidOperationException($"{Variable} is not set; this suite needs a SQL Server (test.sh runs it only when it is set).");
        return new SqlConnectionStringBuilder(configured) { InitialCatalog = $"sumaho_test_{Guid.NewGuid():N}" }.ConnectionString;
    }

    /// <summary>The explicit migration the app expects on SQL Server (it refuses to start on an old schema).</summary>
    public static void Migrate(string connectionString)
    {
        using var db = Context(connectionString);
        db.Database.Migrate();
    }

    public static void Drop(string connectionString)
    {
        SqlConnection.ClearAllPools();
        using var db = Context(connectionString);
        db.Database.EnsureDeleted();
    }

    private static AppDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlServer(connectionString, sql => sql.MigrationsAssembly("SumahoSupport.Migrations.SqlServer"))
            .Options);
}
