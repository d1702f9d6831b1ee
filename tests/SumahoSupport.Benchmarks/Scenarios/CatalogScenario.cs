using System.Net;
using System.Text.RegularExpressions;

namespace SumahoSupport.Benchmarks.Scenarios;

/// <summary>
/// 9:00 on the day bookings open: the public pages a resident reads — the class list, the home page, one class — under
/// 64 connections, against the site's own smallest static file measured the same way in the same run; then whether a
/// page read right after a booking shows the new seat count (a cache is fine, a stale seat is not).
/// </summary>
internal static partial class CatalogScenario
{
    private const int Sessions = 2_000;
    private const int Bookings = 50_000;
    private const int Connections = 64;

    public static async Task RunAsync(TimeSpan duration)
    {
        if (Environment.GetEnvironmentVariable("BENCH_SKIP_SQLITE") is null) using (var sqlite = ScenarioDatabase.Sqlite()) await RunOnAsync(sqlite, duration);
        using var postgres = ScenarioDatabase.PostgreSql();
        if (postgres is null) Report.Row("catalog", "PostgreSQL", "not run", "", "set SUMAHO_POSTGRES to a server to run it");
        else await RunOnAsync(postgres, duration);
    }

    private static async Task RunOnAsync(ScenarioDatabase database, TimeSpan duration)
    {
        var scenario = $"catalog ({database.Provider})";
        var classes = database.FillCatalog(Sessions, Bookings, capacity: 30);
        await using var app = await PublishedApp.StartAsync(database.Provider, database.ConnectionString);
        using var client = app.NewClient();
        var context = $"{Sessions} classes, {Bookings} bookings, {Connections} connections, {duration.TotalSeconds:0} s each, {Report.Cores}";

        var asset = SmallestStaticAsset();
        var baseline = await Load.RunAsync(client, _ => new HttpRequestMessage(HttpMethod.Get, asset), Connections, duration);
        Row(scenario, $"static {asset}", baseline, baseline, context);
        var random = new Random(7);
        foreach (var (name, path) in new (string, Func<string>)[]
                 {
                     // The app's own pipeline with nothing to render: what every page pays before its own work.
                     ("/healthz/live", () => "/healthz/live"),
                     ("/Classes", () => "/Classes"),
                     ("/", () => "/"),
                     ("/Classes/{id}", () => $"/Classes/{classes[random.Next(classes.Count)]}"),
                 })
        {
            var result = await Load.RunAsync(client, _ => new HttpRequestMessage(HttpMethod.Get, path()), Connections, duration);
            Row(scenario, name, result, baseline, context);
        }

        Report.Row(scenario, "seat count right after a booking", await FreshAfterBookingAsync(app, classes) ? "fresh" : "STALE", "fresh", "read from the list and the class page");
        Report.Row(scenario, "peak working set", $"{Report.F(app.PeakWorkingSetMb, "0")} MB", "< 400 MB", Report.Cores);
    }

    private static void Row(string scenario, string page, LoadResult result, LoadResult baseline, string context)
    {
        Report.Row(scenario, $"{page} requests/s", Report.F(result.RequestsPerSecond, "0"), "", context);
        Report.Row(scenario, $"{page} p50 / p99", $"{Report.F(result.Percentile(50), "0.0")} / {Report.F(result.Percentile(99), "0.0")} ms", page.StartsWith("static", StringComparison.Ordinal) ? "" : "p99 < 50 ms");
        if (!ReferenceEquals(result, baseline))
            Report.Row(scenario, $"{page} ÷ static", Report.F(result.RequestsPerSecond / baseline.RequestsPerSecond, "0.00"), "≥ 0.5", result.Failures > 0 ? $"{result.Failures} failed" : "");
    }

    /// <summary>The smallest file the site serves itself, the fastest thing this server can answer.</summary>
    private static string SmallestStaticAsset()
    {
        var root = Path.Combine(Repository.Root, "src", "SumahoSupport.Web", "wwwroot");
        var smallest = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).MinBy(f => new FileInfo(f).Length)!;
        return "/" + Path.GetRelativePath(root, smallest).Replace('\\', '/');
    }

    /// <summary>Books a seat through the form and reads the seat count back at once, from the class page and the list.</summary>
    private static async Task<bool> FreshAfterBookingAsync(PublishedApp app, IReadOnlyList<int> classes)
    {
        using var reader = app.NewClient();
        foreach (var id in classes)
        {
            var before = SeatsLeft().Match(await reader.GetStringAsync($"/Classes/{id}"));
            if (!before.Success) continue;
            var seats = int.Parse(before.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            await app.BookAsync(id, "鮮度 確認", "せんど かくにん", "09099990000");
            var page = SeatsLeft().Match(await reader.GetStringAsync($"/Classes/{id}"));
            var list = await reader.GetStringAsync("/Classes");
            var card = list.IndexOf($"href=\"/Classes/{id}\"", StringComparison.Ordinal);
            var inList = card < 0 ? page : SeatsLeft().Match(list, card);
            return page.Success && page.Groups["n"].Value == (seats - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                && inList.Success && inList.Groups["n"].Value == page.Groups["n"].Value;
        }
        throw new InvalidOperationException("No class with a free seat to book.");
    }

    [GeneratedRegex("残り(?<n>\\d+)席")]
    private static partial Regex SeatsLeft();

}
