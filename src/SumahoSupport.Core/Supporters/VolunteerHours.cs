using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Core.Supporters;

/// <summary>One supporter's volunteer time in a fiscal year.</summary>
public sealed record SupporterHours(int SupporterId, string Name, string Kana, SupporterStatus Status, int Classes, int LecturerClasses, int Consultations, int Minutes)
{
    /// <summary>Hours to one decimal, as reported (1時間30分 → 1.5).</summary>
    public double Hours => Math.Round(Minutes / 60.0, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// 活動時間: the length of every class a supporter worked (held, ended, not marked absent), counted in the fiscal year
/// the class started in, plus the minutes they recorded in their 相談記録. One row per assignment is read — a city's year has at most a few thousand — and summed here,
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
        var classes = await worked
            .Select(a => new { a.SupporterId, a.Supporter.Name, a.Supporter.Kana, a.Supporter.Status, a.Role, a.ClassSession.StartsAtUtc, a.ClassSession.EndsAtUtc })
            .ToListAsync(ct);
        var logs = db.SupportLogs.AsNoTracking().Where(l => l.HeldAtUtc >= from && l.HeldAtUtc < until);
        if (supporterId is { } who) logs = logs.Where(l => l.SupporterId == who);
        var consultations = await logs.GroupBy(l => l.SupporterId)
            .Select(g => new { SupporterId = g.Key, Count = g.Count(), Minutes = g.Sum(l => l.Minutes) })
            .Join(db.Supporters, g => g.SupporterId, s => s.Id, (g, s) => new { g.SupporterId, s.Name, s.Kana, s.Status, g.Count, g.Minutes })
            .ToListAsync(ct);

        var people = classes.Select(c => (c.SupporterId, c.Name, c.Kana, c.Status))
            .Concat(consultations.Select(c => (c.SupporterId, c.Name, c.Kana, c.Status)))
            .DistinctBy(p => p.SupporterId);
        return people
            .Select(p =>
            {
                var theirs = classes.Where(c => c.SupporterId == p.SupporterId).ToList();
                var talks = consultations.SingleOrDefault(c => c.SupporterId == p.SupporterId);
                return new SupporterHours(
                    p.SupporterId, p.Name, p.Kana, p.Status, theirs.Count, theirs.Count(c => c.Role == AssignmentRole.Lecturer), talks?.Count ?? 0,
                    (int)theirs.Sum(c => (c.EndsAtUtc - c.StartsAtUtc).TotalMinutes) + (talks?.Minutes ?? 0));
            })
            .OrderBy(h => h.Kana, StringComparer.Ordinal)
            .ToList();
    }

    public static ReportTable Table(int fiscalYear, IReadOnlyList<SupporterHours> hours) => new(
        $"{FiscalYear.Name(fiscalYear)} 支援員の活動時間",
        ["支援員", "区分", "担当した教室", "うち講師", "スマホ相談", "活動時間（時間）"],
        [.. hours.Select(h => (IReadOnlyList<object?>)[h.Name, SupporterLabels.Status(h.Status), h.Classes, h.LecturerClasses, h.Consultations, h.Hours])]);
}
