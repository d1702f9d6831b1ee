using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Benchmarks.Scenarios;

/// <summary>
/// The most bookings one class could take if its row were locked for one statement: a single client committing a
/// one-row UPDATE in a loop, on the scenario's own database server — pgbench <c>-c 1</c> on PostgreSQL, the same loop
/// through Microsoft.Data.Sqlite on a SQLite file beside the scenario's (WAL, as the app opens it).
/// </summary>
internal static partial class DatabaseFloor
{
    public static async Task<double> TransactionsPerSecondAsync(ScenarioDatabase database, TimeSpan duration) =>
        database.Provider == DatabaseProviders.Sqlite ? SqliteLoop(duration) : await PgbenchAsync(database.ConnectionString, duration);

    private static double SqliteLoop(TimeSpan duration)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sumaho-bench-floor-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; CREATE TABLE floor (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO floor VALUES (1, 0);");
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE floor SET n = n + 1 WHERE id = 1";
            var clock = Stopwatch.StartNew();
            var count = 0;
            while (clock.Elapsed < duration)
            {
                using var transaction = connection.BeginTransaction();
                update.Transaction = transaction;
                update.ExecuteNonQuery();
                transaction.Commit();
                count++;
            }
            return count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(file)) File.Delete(file);
        }
    }

    private static async Task<double> PgbenchAsync(string connectionString, TimeSpan duration)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE bench_floor (id int PRIMARY KEY, n int NOT NULL); INSERT INTO bench_floor VALUES (1, 0);", connection);
            await create.ExecuteNonQueryAsync();
        }
        var script = Path.Combine(Path.GetTempPath(), $"sumaho-bench-floor-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, "UPDATE bench_floor SET n = n + 1 WHERE id = 1;\n");
        try
        {
            var start = new ProcessStartInfo(Pgbench()) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-n", "-c", "1", "-T", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture), "-f", script,
                         "-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username!, server.Database! })
                start.ArgumentList.Add(arg);
            start.Environment["PGPASSWORD"] = server.Password ?? "";
            using var pgbench = Process.Start(start)!;
            var output = await pgbench.StandardOutput.ReadToEndAsync() + await pgbench.StandardError.ReadToEndAsync();
            await pgbench.WaitForExitAsync();
            var tps = Tps().Match(output);
            if (pgbench.ExitCode != 0 || !tps.Success) throw new InvalidOperationException($"pgbench failed:\n{output}");
            return double.Parse(tps.Groups["tps"].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>pgbench from PATH, else beside the PostgreSQL 15 server binaries (Debian's layout, as test.sh uses).</summary>
    private static string Pgbench()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/lib/postgresql/15/bin"))
        {
            var candidate = Path.Combine(directory, "pgbench");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("pgbench was not found (apt install postgresql-15, or put it on PATH).");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"tps = (?<tps>[0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
