using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Surveys;

/// <summary>
/// The understanding rate over any set of sessions, counted in the database (GROUP BY on indexed columns) so years of
/// responses are never loaded into memory. Individual answers and tallies count alike.
/// </summary>
public sealed class SurveyStatistics(AppDbContext db)
{
    public async Task<UnderstandingRate> UnderstandingAsync(IQueryable<ClassSession> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id);
        var answered = await db.SurveyResponses
            .Where(r => r.Understanding != null && ids.Contains(r.ClassSessionId))
            .GroupBy(r => r.Understanding!.Value)
            .Select(g => new { Answer = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var tallied = await db.UnderstandingTallies
            .Where(t => ids.Contains(t.ClassSessionId))
            .GroupBy(t => t.Answer)
            .Select(g => new { Answer = g.Key, Count = g.Sum(t => t.Count) })
            .ToListAsync(ct);
        return UnderstandingRate.FromCounts(answered.Select(a => (a.Answer, a.Count)).Concat(tallied.Select(t => (t.Answer, t.Count))));
    }

    /// <summary>The city's fiscal year (4月〜翌3月) that <paramref name="fiscalYear"/> starts in, by class date in Tokyo.</summary>
    public Task<UnderstandingRate> ForFiscalYearAsync(int fiscalYear, CancellationToken ct) =>
        UnderstandingAsync(SessionsOf(fiscalYear), ct);

    public IQueryable<ClassSession> SessionsOf(int fiscalYear)
    {
        var (from, until) = FiscalYear.UtcRange(fiscalYear);
        return db.ClassSessions.Where(s => s.StartsAtUtc >= from && s.StartsAtUtc < until && s.Status == ClassSessionStatus.Scheduled);
    }

    /// <summary>The rate of each session that has answers, counted per session in SQL.</summary>
    public async Task<Dictionary<int, UnderstandingRate>> BySessionAsync(IQueryable<ClassSession> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id);
        var answered = await db.SurveyResponses
            .Where(r => r.Understanding != null && ids.Contains(r.ClassSessionId))
            .GroupBy(r => r.ClassSessionId)
            .Select(g => new { Session = g.Key, Understood = g.Count(r => r.Understanding <= Understanding.MostlyUnderstood), Answers = g.Count() })
            .ToListAsync(ct);
        var tallied = await db.UnderstandingTallies
            .Where(t => ids.Contains(t.ClassSessionId))
            .GroupBy(t => t.ClassSessionId)
            .Select(g => new { Session = g.Key, Understood = g.Where(t => t.Answer <= Understanding.MostlyUnderstood).Sum(t => t.Count), Answers = g.Sum(t => t.Count) })
            .ToListAsync(ct);
        return answered.Select(a => (a.Session, a.Understood, a.Answers))
            .Concat(tallied.Select(t => (t.Session, t.Understood, t.Answers)))
            .GroupBy(x => x.Session)
            .Where(g => g.Sum(x => x.Answers) > 0)
            .ToDictionary(g => g.Key, g => new UnderstandingRate(g.Sum(x => x.Understood), g.Sum(x => x.Answers)));
    }

    /// <summary>Survey forms received (individual and tallied) and people who attended, for the response rate.</summary>
    public async Task<(int Responses, int Attendees)> ResponseCountsAsync(IQueryable<ClassSession> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id);
        var responses = await db.SurveyResponses.CountAsync(r => ids.Contains(r.ClassSessionId), ct)
            + await db.UnderstandingTallies.Where(t => ids.Contains(t.ClassSessionId)).SumAsync(t => t.Count, ct);
        var attendees = await db.Bookings.CountAsync(b => ids.Contains(b.ClassSessionId) && b.Status == Bookings.BookingStatus.Attended, ct);
        return (responses, attendees);
    }
}

/// <summary>年度: April to March, named in 令和 on reports.</summary>
public static class FiscalYear
{
    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static (DateTime FromUtc, DateTime UntilUtc) UtcRange(int fiscalYear) =>
        (JapaneseTime.ToUtc(new DateTime(fiscalYear, 4, 1)), JapaneseTime.ToUtc(new DateTime(fiscalYear + 1, 4, 1)));

    /// <summary>「令和8年度」 for 2026; 令和元年 is 2019.</summary>
    public static string Reiwa(int fiscalYear) => fiscalYear == 2019 ? "令和元年度" : $"令和{fiscalYear - 2018}年度";
}
