using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
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
    private const int ResponsesPerClass = 8;
    private BenchmarkDatabase database = default!;

    [Params(20_000, 1_000_000)]
    public int Responses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        database = new BenchmarkDatabase();
        var (course, venue) = database.AddCourseAndVenue();
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var session = connection.CreateCommand();
        session.CommandText = "INSERT INTO ClassSessions (CourseId, VenueId, StartsAtUtc, EndsAtUtc, BookingClosesAtUtc, Capacity, Confirmed, LoanerDevices, Status, Sequence, CreatedAtUtc) " +
            "VALUES ($course, $venue, $start, $end, $start, 8, 8, 0, 0, 0, $start) RETURNING Id";
        session.Parameters.AddWithValue("$course", course);
        session.Parameters.AddWithValue("$venue", venue);
        var start = session.Parameters.Add("$start", SqliteType.Text);
        var end = session.Parameters.Add("$end", SqliteType.Text);
        using var response = connection.CreateCommand();
        response.CommandText = "INSERT INTO SurveyResponses (ClassSessionId, Channel, Understanding, Satisfaction, HasSomeoneToAsk, AgeBand, Device, CreatedAtUtc, UpdatedAtUtc) " +
            "VALUES ($session, 0, $understanding, 4, $ask, 3, 1, $start, $start)";
        var sessionId = response.Parameters.Add("$session", SqliteType.Integer);
        var understanding = response.Parameters.Add("$understanding", SqliteType.Integer);
        var ask = response.Parameters.Add("$ask", SqliteType.Integer);
        response.Parameters.Add(start);

        var random = new Random(20261122);
        for (var made = 0; made < Responses; made += ResponsesPerClass)
        {
            // The first 12,000 fall in this fiscal year (from April 2026); the rest spread over the ten years before it.
            var startsAt = made < ThisYearsResponses
                ? new DateTime(2026, 4, 1, 1, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 300))
                : new DateTime(2016, 4, 1, 1, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 3650));
            start.Value = startsAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            end.Value = startsAt.AddHours(2).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            sessionId.Value = (long)session.ExecuteScalar()!;
            for (var i = 0; i < ResponsesPerClass; i++)
            {
                understanding.Value = random.Next(1, 5);
                ask.Value = random.Next(0, 2);
                response.ExecuteNonQuery();
            }
        }
        tx.Commit();
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
