using BenchmarkDotNet.Attributes;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Benchmarks;

/// <summary>
/// The 理解度ダッシュボード's counting as a city's history grows to 1,000,000 survey responses. The fiscal year shown
/// always holds the same ~12,000 responses; only the earlier years grow. Counting happens in SQL over the
/// (ClassSessionId, Understanding) index, so the ratio between the sizes should stay near 1 — a dashboard that loaded
/// responses into memory would grow with the history instead.
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private static readonly DateTime Now = new(2027, 2, 1, 3, 0, 0, DateTimeKind.Utc);
    private const int ThisYearsResponses = 12_000;
    private BenchmarkDatabase database = default!;

    [Params(20_000, 1_000_000)]
    public int Responses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        database = new BenchmarkDatabase();
        var (course, venue) = database.AddCourseAndVenue();
        SurveyHistory.Fill(database.ConnectionString, course, venue, Responses, ThisYearsResponses, new DateTime(2026, 4, 1, 1, 0, 0, DateTimeKind.Utc));
    }

    [GlobalCleanup]
    public void Cleanup() => database.Dispose();

    /// <summary>Exactly what /Coordinator/Dashboard asks the database for.</summary>
    [Benchmark]
    public async Task<int> Dashboard()
    {
        await using var db = database.NewContext();
        var dashboard = await new SurveyStatistics(db, new FixedClock(Now)).DashboardAsync(2026, 0.9, CancellationToken.None);
        return dashboard.Total.Rate.Answers + dashboard.Months.Count + dashboard.BelowTarget.Count;
    }

    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow);
    }
}
