using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>The built app (<c>SumahoSupport.Web.dll</c> beside the tests) started as a process of its own.</summary>
public static class WebCommand
{
    /// <summary>
    /// How to start the app on <paramref name="connectionString"/> of this run's provider, in Production and without
    /// demo data, with <paramref name="args"/>; <paramref name="settings"/> are added as environment variables.
    /// </summary>
    public static ProcessStartInfo StartInfo(string connectionString, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SumahoSupport.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = AppFactory.Provider;
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Seed__Demo"] = "false";
        // Production refuses to start without the site's public https address (it is in every mail link).
        start.Environment["Mail__PublicBaseUrl"] = "https://sumaho.midori.example.jp";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }

    /// <summary>Runs a command (<c>migrate</c>, <c>backup</c>, <c>create-admin</c>) to its end; its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, params string[] args)
    {
        using var process = Process.Start(StartInfo(connectionString, null, args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A loopback port nobody listens on now, for an app process to listen on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
