using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own, in a temporary folder on a loopback port — for tests that restart or stop the
/// server, which the run's shared cluster must never do under the other tests. Run as the postgres user when the tests
/// run as root (initdb refuses root), as test.sh does; removed when disposed.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private static readonly string Bin = Environment.GetEnvironmentVariable("SUMAHO_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";
    private readonly string root = Path.Combine(Path.GetTempPath(), $"sumaho-pg-{Guid.NewGuid():N}");
    private readonly string password = Guid.NewGuid().ToString("N");
    private readonly int port = FreePort();

    public PostgresCluster()
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "password"), password);
        OwnByPostgres(root);
        Run("initdb", $"-D {Data} -U postgres --auth=scram-sha-256 --pwfile={Path.Combine(root, "password")} -E UTF8 --locale=C.UTF-8");
        Start();
    }

    public string ServerConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Password={password}";

    private string Data => Path.Combine(root, "data");

    /// <summary>A new, empty database on this server; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"sumaho_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A fast restart, as an operator or a fail-over does it: sessions are cut, the server is back within a second or so.</summary>
    public void Restart() => Run("pg_ctl", $"-D {Data} -m fast -w restart -o \"{Options}\" -l {Path.Combine(root, "server.log")}");

    private string Options => $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c max_connections=200 -c fsync=off";

    private void Start() => Run("pg_ctl", $"-D {Data} -w start -o \"{Options}\" -l {Path.Combine(root, "server.log")}");

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run("pg_ctl", $"-D {Data} -m immediate stop");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static void OwnByPostgres(string path)
    {
        if (IsRoot) Process.Start("chown", ["-R", "postgres:", path])!.WaitForExit();
    }

    private void Run(string tool, string arguments)
    {
        var start = IsRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {Path.Combine(Bin, tool)} {arguments}")
            : new ProcessStartInfo(Path.Combine(Bin, tool), arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors}{output.Result}{ServerLog()}");
    }

    private string ServerLog() => File.Exists(Path.Combine(root, "server.log")) ? File.ReadAllText(Path.Combine(root, "server.log")) : "";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
