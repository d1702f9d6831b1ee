using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Core.Reporting;

/// <summary>The fiscal year's figures a city reports to its council and to the national program (実績報告).</summary>
public sealed record AnnualFigures(
    int FiscalYear, int ClassesHeld, int UniqueParticipants, int Visits, int ActiveSupporters, double VolunteerHours,
    ConsultationSummary Consultations, BreakdownRow Total, IReadOnlyList<BreakdownRow> ByCourse, IReadOnlyList<BreakdownRow> ByMonth,
    ClassScale Scale);

/// <summary>
/// What an auditor asks of the classes beyond the understanding rate — the 2023 budget review found 1.4 attendees per
/// class on average and most classes with one: how many came to each class (<see cref="Sizes"/>), the staff who actually
/// worked against the rule of 1 講師 + 1 per 4 attendees (<see cref="Staffing"/>), the mix of course levels and how many
/// booked and did not come (<see cref="ByLevel"/>).
/// </summary>
public sealed record ClassScale(
    double? AveragePerClass, int AtMostOne, Percent? AtMostOneShare, Percent? NoShowRate, ReportTable Sizes, ReportTable ByLevel, ReportTable Staffing);

public sealed class AnnualReport(
    AppDbContext db, SurveyStatistics statistics, ConsultationAnalytics consultations, VolunteerHours hours, TimeProvider clock)
{
    public async Task<AnnualFigures> ForAsync(int fiscalYear, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = statistics.SessionsOf(fiscalYear).Where(s => s.StartsAtUtc <= now);
        var ids = held.Select(s => s.Id);
        var figures = await statistics.SessionFiguresAsync(held, ct);
        var attended = db.Bookings.Where(b => ids.Contains(b.ClassSessionId) && b.Status == BookingStatus.Attended);
        // A resident may have several participant records (web forms never edit one); a resident is a phone and ふりがな.
        var unique = await attended.Select(b => new { b.Participant.Phone, b.Participant.Kana }).Distinct().CountAsync(ct);
        var visits = await attended.CountAsync(ct);
        // Active: worked at a held class or helped at a consultation in the year.
        var (from, until) = FiscalYear.UtcRange(fiscalYear);
        var supporters = await db.Assignments.Worked(now).Where(a => ids.Contains(a.ClassSessionId)).Select(a => a.SupporterId)
            .Union(db.SupportLogs.Where(l => l.HeldAtUtc >= from && l.HeldAtUtc < until).Select(l => l.SupporterId))
            .CountAsync(ct);
        var minutes = (await hours.ForYearAsync(fiscalYear, ct)).Sum(r => r.Minutes);
        var consulted = (await consultations.ForYearAsync(fiscalYear, ct)).Summary;
        return new AnnualFigures(
            fiscalYear, figures.Count, unique, visits, supporters, Math.Round(minutes / 60.0, 1, MidpointRounding.AwayFromZero), consulted,
            SurveyBreakdown.Total("合計", figures),
            SurveyBreakdown.ByClass(figures, BreakdownDimension.Course), SurveyBreakdown.ByClass(figures, BreakdownDimension.Month),
            await ScaleAsync(held, fiscalYear, ct));
    }

    /// <summary>Buckets of attendees per class, as the review counted them.</summary>
    private static readonly (string Label, int From, int To)[] SizeBuckets =
        [("0人", 0, 0), ("1人", 1, 1), ("2人", 2, 2), ("3人", 3, 3), ("4人", 4, 4), ("5〜9人", 5, 9), ("10人以上", 10, int.MaxValue)];

    private static async Task<ClassScale> ScaleAsync(IQueryable<Classes.ClassSession> held, int fiscalYear, CancellationToken ct)
    {
        // Staff who worked: not declined, not marked absent — the people actually in the room.
        var classes = await held.Select(s => new ClassCount(
                s.Course.Level,
                s.Bookings.Count(b => b.Status == BookingStatus.Attended),
                s.Bookings.Count(b => b.Status == BookingStatus.NoShow),
                s.Assignments.Count(a => a.Response != AssignmentResponse.Declined && !a.Absent && a.Role == AssignmentRole.Lecturer),
                s.Assignments.Count(a => a.Response != AssignmentResponse.Declined && !a.Absent && a.Role == AssignmentRole.Assistant)))
            .ToListAsync(ct);
        var year = FiscalYear.Name(fiscalYear);
        var sizes = new ReportTable($"教室ごとの参加者数（{year}）", ["参加者", "教室数", "割合"],
            [.. SizeBuckets.Select(b =>
            {
                var count = classes.Count(c => c.Attended >= b.From && c.Attended <= b.To);
                return (IReadOnlyList<object?>)[b.Label, count, Share(count, classes.Count)];
            })]);
        var levels = Enum.GetValues<Classes.CourseLevel>().Select(level => (Label: Classes.ClassLabels.Level(level), Classes: classes.Where(c => c.Level == level).ToList()))
            .Where(l => l.Classes.Count > 0)
            .Append((Label: "合計", Classes: classes));
        var byLevel = new ReportTable($"レベル別の開催と欠席（{year}）",
            ["レベル", "開催", "参加者（延べ）", "1教室あたり", "参加者1人以下の教室", "無断欠席", "無断欠席率"],
            [.. levels.Select(l => (IReadOnlyList<object?>)
            [
                l.Label, l.Classes.Count, l.Classes.Sum(c => c.Attended), Average(l.Classes.Sum(c => c.Attended), l.Classes.Count),
                l.Classes.Count(c => c.Attended <= 1), l.Classes.Sum(c => c.NoShows), Share(l.Classes.Sum(c => c.NoShows), l.Classes.Sum(c => c.Attended + c.NoShows)),
            ])]);
        var staffing = new ReportTable($"支援の体制（{year}）",
            ["レベル", "講師（延べ）", "補助（延べ）", "支援員1人あたりの参加者", "基準を満たした教室", "満たした割合"],
            [.. levels.Select(l => (IReadOnlyList<object?>)
            [
                l.Label, l.Classes.Sum(c => c.Lecturers), l.Classes.Sum(c => c.Assistants),
                Average(l.Classes.Sum(c => c.Attended), l.Classes.Sum(c => c.Lecturers + c.Assistants)),
                l.Classes.Count(c => c.MeetsTheRule), Share(l.Classes.Count(c => c.MeetsTheRule), l.Classes.Count),
            ])]);
        var atMostOne = classes.Count(c => c.Attended <= 1);
        return new ClassScale(
            Average(classes.Sum(c => c.Attended), classes.Count), atMostOne, Share(atMostOne, classes.Count),
            Share(classes.Sum(c => c.NoShows), classes.Sum(c => c.Attended + c.NoShows)), sizes, byLevel, staffing);
    }

    private static Percent? Share(int part, int whole) => whole == 0 ? null : new Percent((double)part / whole);

    private static double? Average(int sum, int count) => count == 0 ? null : Math.Round((double)sum / count, 1, MidpointRounding.AwayFromZero);

    private sealed record ClassCount(Classes.CourseLevel Level, int Attended, int NoShows, int Lecturers, int Assistants)
    {
        /// <summary>The national program's rule, on who actually came: a 講師, and one more 講師 or 補助 for every 4 attendees.</summary>
        public bool MeetsTheRule => Lecturers >= 1 && Lecturers - 1 + Assistants >= (Attended + StaffingRule.AttendeesPerHelper - 1) / StaffingRule.AttendeesPerHelper;
    }
}
