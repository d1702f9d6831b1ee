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
    ConsultationSummary Consultations, BreakdownRow Total, IReadOnlyList<BreakdownRow> ByCourse, IReadOnlyList<BreakdownRow> ByMonth);

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
            SurveyBreakdown.ByClass(figures, BreakdownDimension.Course), SurveyBreakdown.ByClass(figures, BreakdownDimension.Month));
    }
}
