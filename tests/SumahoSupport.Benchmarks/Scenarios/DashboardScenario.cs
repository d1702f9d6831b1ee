using System.Diagnostics;
using System.Text.RegularExpressions;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Benchmarks.Scenarios;

/// <summary>
/// The 理解度ダッシュボード and each drill-down after years of use: 1,000,000 survey responses, ~12,000 of them in the
/// year shown. Each page is read 20 times by a signed-in coordinator, one at a time; the time is the whole answer on
/// loopback, which is the server's time.
/// </summary>
internal static partial class DashboardScenario
{
    private const int Responses = 1_000_000;
    private const int ThisYear = 12_000;
    private const int Reads = 20;

    public static async Task RunAsync()
    {
        using var database = ScenarioDatabase.Sqlite();
        var year = FiscalYear.OfUtc(DateTime.UtcNow);
        var classes = database.FillCatalog(sessions: 1, bookings: 0, capacity: 8);
        await using (var db = database.NewContext())
        {
            var first = db.ClassSessions.Single(s => s.Id == classes[0]);
            SurveyHistory.Fill(database.ConnectionString, first.CourseId, first.VenueId, Responses, ThisYear, new DateTime(year, 4, 1, 1, 0, 0, DateTimeKind.Utc));
        }
        await using var app = await PublishedApp.StartAsync(database.Provider, database.ConnectionString);
        using var coordinator = await SignInAsync(app, database);
        var context = $"{Responses:N0} responses, {ThisYear:N0} in FY{year}, {Reads} reads each, {Report.Cores}";
        var pages = new List<(string Name, string Path)> { ("dashboard", $"/Coordinator/Dashboard?fy={year}") };
        pages.AddRange(Enum.GetValues<BreakdownDimension>().Select(d => ($"drill-down by {d}", $"/Coordinator/Dashboard/Breakdown?fy={year}&by={d}")));
        foreach (var (name, path) in pages)
        {
            var times = new List<double>();
            for (var i = 0; i < Reads + 2; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await coordinator.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                if (i >= 2) times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // two to warm up
            }
            var result = new LoadResult(times.Count, 0, TimeSpan.Zero, [.. times]);
            Report.Row("dashboard", $"{name} median / p95", $"{Report.F(result.Percentile(50), "0")} / {Report.F(result.Percentile(95), "0")} ms", "median < 300 ms", context);
        }
        Report.Row("dashboard", "peak working set", $"{Report.F(app.PeakWorkingSetMb, "0")} MB", "< 400 MB", Report.Cores);
    }

    /// <summary>The first administrator, made by the app's own create-admin command, signed in through the form.</summary>
    private static async Task<HttpClient> SignInAsync(PublishedApp app, ScenarioDatabase database)
    {
        var (code, output) = await PublishedApp.CommandAsync(database.Provider, database.ConnectionString, "create-admin", "--email", "bench@city.example.jp");
        if (code != 0) throw new InvalidOperationException($"create-admin failed:\n{output}");
        var password = Password().Match(output).Groups["password"].Value;
        var client = app.NewClient(cookies: true);
        var form = await client.GetStringAsync("/Account/Login");
        using var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PublishedApp.FormToken(form), ["Input.Email"] = "bench@city.example.jp", ["Input.Password"] = password,
        }));
        if (signedIn.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {(int)signedIn.StatusCode}.");
        return client;
    }

    [GeneratedRegex("パスワード（この一度だけ表示します）: (?<password>\\S+)")]
    private static partial Regex Password();
}
