using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace SumahoSupport.Benchmarks.Scenarios;

/// <summary>
/// The app as a city runs it: published in Release, started as its own process on a loopback port in Production, on a
/// database the scenario prepared. Its peak working set is read from the kernel (VmHWM) when it stops.
/// </summary>
internal sealed partial class PublishedApp : IAsyncDisposable
{
    private static string? published;
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PublishedApp(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The highest resident memory the process had, in MB (Linux: VmHWM of /proc/PID/status).</summary>
    public double PeakWorkingSetMb
    {
        get
        {
            var status = $"/proc/{process.Id}/status";
            if (!File.Exists(status)) return double.NaN;
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
    }

    /// <summary>
    /// The CPU time, in seconds, the app's JIT has spent in the background so far: the runtime recompiles a method,
    /// optimised, once it has run often enough, on a thread of its own named ".NET Tiered Com" (Linux: its utime and stime
    /// in /proc/PID/task/TID/stat, in clock ticks of 1/100 s).
    /// </summary>
    public double BackgroundJitSeconds =>
        Directory.EnumerateDirectories($"/proc/{process.Id}/task")
            .Where(task => File.Exists(Path.Combine(task, "comm")) && File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
            .Sum(task =>
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
            });

    /// <summary>Publishes the app once per harness run (Release), into a temporary folder.</summary>
    public static async Task<string> PublishAsync()
    {
        if (published is not null) return published;
        var root = Repository.Root;
        var target = Path.Combine(Path.GetTempPath(), $"sumaho-bench-app-{Guid.NewGuid():N}");
        Console.Error.WriteLine($"Publishing the app (Release) to {target} …");
        var (code, text) = await RunAsync("dotnet", root, "publish", Path.Combine(root, "src", "SumahoSupport.Web", "SumahoSupport.Web.csproj"), "-c", "Release", "-o", target, "--nologo");
        if (code != 0) throw new InvalidOperationException($"dotnet publish failed:\n{text}");
        return published = target;
    }

    public static async Task<PublishedApp> StartAsync(string provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = await PublishAsync();
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = StartInfo(directory, provider, connectionString, settings);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        var process = Process.Start(start)!;
        var app = new PublishedApp(process, address);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilLiveAsync();
        return app;
    }

    /// <summary>Runs one of the app's commands (create-admin, migrate) on the scenario's database; its exit code and output.</summary>
    public static async Task<(int Code, string Output)> CommandAsync(string provider, string connectionString, params string[] args)
    {
        var start = StartInfo(await PublishAsync(), provider, connectionString, null);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return await RunToEndAsync(start);
    }

    private static ProcessStartInfo StartInfo(string directory, string provider, string connectionString, IReadOnlyDictionary<string, string>? settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(directory, "SumahoSupport.Web.dll"));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Default"] = connectionString,
            ["Seed__Demo"] = "false",
            ["Mail__PublicBaseUrl"] = "https://sumaho.bench.example.jp",
            ["Mail__PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"sumaho-bench-mail-{Guid.NewGuid():N}"),
            // The load comes from one address: the per-client form limits would stop it, not the app's speed.
            ["Limits__PublicPostsPerMinute"] = "100000000",
            ["Limits__PublicPostsPerHour"] = "100000000",
            ["Limits__Phone__PerDay"] = "50",
            ["Security__RequireTwoFactorForStaff"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }

    /// <summary>The antiforgery token a page's form carries.</summary>
    public static string FormToken(string html) => Token().Match(html).Groups["token"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>A resident books a seat through the form, as a browser does; throws unless the app took the booking.</summary>
    public async Task BookAsync(int session, string name, string kana, string phone, string? email = null)
    {
        using var resident = NewClient(cookies: true);
        var form = await resident.GetStringAsync($"/Classes/{session}/Book");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken(form), ["Input.Name"] = name, ["Input.Kana"] = kana, ["Input.Phone"] = phone,
            ["Input.AgeBand"] = "Seventies", ["Input.Device"] = "Android", ["Consent"] = "true",
        };
        if (email is not null) fields["Input.Email"] = email;
        using var booked = await resident.PostAsync($"/Classes/{session}/Book?handler=Confirm", new FormUrlEncodedContent(fields));
        if (booked.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"The booking answered {(int)booked.StatusCode}.");
    }

    public HttpClient NewClient(bool cookies = false) => new(new SocketsHttpHandler
    {
        UseCookies = cookies,
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = NewClient();
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app stopped:\n{output}");
            try
            {
                using var response = await client.GetAsync("/healthz/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not become ready:\n{output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static Task<(int Code, string Output)> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return RunToEndAsync(start);
    }

    private static async Task<(int Code, string Output)> RunToEndAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The repository the harness runs from.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SumahoSupport.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Run the harness from inside the repository.");
    }
}
