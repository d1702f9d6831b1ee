using Microsoft.Data.Sqlite;

namespace SumahoSupport.Benchmarks;

/// <summary>
/// A city's survey history in a SQLite file, written straight with prepared statements (EF would take minutes for a
/// million rows): eight responses per class; the first <paramref name="thisYear"/> in the fiscal year from
/// <paramref name="yearStart"/>, the rest spread over the ten years before it.
/// </summary>
internal static class SurveyHistory
{
    public const int ResponsesPerClass = 8;

    public static void Fill(string connectionString, int course, int venue, int responses, int thisYear, DateTime yearStart)
    {
        using var connection = new SqliteConnection(connectionString);
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
        for (var made = 0; made < responses; made += ResponsesPerClass)
        {
            var startsAt = made < thisYear ? yearStart.AddDays(random.Next(0, 300)) : yearStart.AddYears(-10).AddDays(random.Next(0, 3650));
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
}
