using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Core.Supporters;

/// <summary>One supporter's volunteer time in a fiscal year.</summary>
public sealed record SupporterHours(int SupporterId, string Name, string Kana, SupporterStatus Status, int Classes, int LecturerClasses, int Minutes)
{
    /// <summary>Hours to one decimal, as reported (1時間30分 → 1.5).</summary>
    public double Hours => Math.Round(Minutes / 60.0, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// 活動時間: the length of every class a supporter worked (held, ended, not marked absent), counted in the fiscal year
/// the class started in. One row per assignment is read — a city's year has at most a few thousand — and summed here,
/// because the providers disagree on date arithmetic in SQL.
/// </summary>
public sealed class VolunteerHours(AppDbContext db, TimeProvider clock)
{
    public async Task<List<SupporterHours>> ForYearAsync(int fiscalYear, CancellationToken ct, int? supporterId = null)
    {
        var (from, until) = FiscalYear.UtcRange(fiscalYear);
        var worked = db.Assignments.AsNoTracking().Worked(clock.GetUtcNow().UtcDateTime)
            .Where(a => a.ClassSession.StartsAtUtc >= from && a.ClassSession.StartsAtUtc < until);
        if (supporterId is { } id) worked = worked.Where(a => a.SupporterId == id);
        var rows = await worked
            .Select(a => new { a.SupporterId, a.Supporter.Name, a.Supporter.Kana, a.Supporter.Status, a.Role, a.ClassSession.StartsAtUtc, a.ClassSession.EndsAtUtc })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.SupporterId)
            .Select(g => new SupporterHours(
                g.Key, g.First().Name, g.First().Kana, g.First().Status, g.Count(), g.Count(r => r.Role == AssignmentRole.Lecturer),
                (int)g.Sum(r => (r.EndsAtUtc - r.StartsAtUtc).TotalMinutes)))
            .OrderBy(h => h.Kana, StringComparer.Ordinal)
            .ToList();
    }

    public static ReportTable Table(int fiscalYear, IReadOnlyList<SupporterHours> hours) => new(
        $"{FiscalYear.Reiwa(fiscalYear)} 支援員の活動時間",
        ["支援員", "区分", "担当した教室", "うち講師", "活動時間（時間）"],
        [.. hours.Select(h => (IReadOnlyList<object?>)[h.Name, SupporterLabels.Status(h.Status), h.Classes, h.LecturerClasses, h.Hours])]);
}
