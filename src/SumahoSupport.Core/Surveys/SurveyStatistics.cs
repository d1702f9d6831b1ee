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
    public Task<UnderstandingRate> ForFiscalYearAsync(int fiscalYear, CancellationToken ct)
    {
        var (from, until) = FiscalYear.UtcRange(fiscalYear);
        return UnderstandingAsync(db.ClassSessions.Where(s => s.StartsAtUtc >= from && s.StartsAtUtc < until && s.Status == ClassSessionStatus.Scheduled), ct);
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
