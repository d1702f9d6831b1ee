using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;

namespace SumahoSupport.Web.Areas.Coordinator.Pages;

/// <summary>
/// The coordinator's home: coming classes, with every class that is not fully staffed flagged, and the 予約番号 that
/// /Bookings/Find has locked today after wrong phone numbers (the resident, or someone else, may call about them).
/// </summary>
public sealed class IndexModel(
    AppDbContext db, StaffingService staffing, ClassScheduleService schedule, Core.Messaging.ResidentChannels channels, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<RosterOptions> roster) : PageModel
{
    /// <summary>This month's texts and calls (they cost the city money), while texts are on.</summary>
    public int? PaidThisMonth { get; private set; }

    public int MonthlyCap => channels.MonthlyCap;

    private const int WeeksAhead = 8;

    public IReadOnlyList<Row> Sessions { get; private set; } = [];

    public IReadOnlyList<string> LockedLookups { get; private set; } = [];

    /// <summary>Supporters who said they cannot come to a coming class, and have not been replaced.</summary>
    public IReadOnlyList<Declined> Declines { get; private set; } = [];

    /// <summary>The series just made (from its create step), whose classes the list marks.</summary>
    public int? NewSeries { get; private set; }

    /// <summary>Coming classes with few seats taken, each with the class it could be merged into (<c>Roster:UnderFilled*</c>).</summary>
    public IReadOnlyList<UnderFilledClass> UnderFilled { get; private set; } = [];

    public RosterOptions Roster => roster.Value;

    public int ShortStaffed => Sessions.Count(s => s.Status == ClassSessionStatus.Scheduled && !s.Staffing.IsStaffed);

    public async Task OnGetAsync(CancellationToken ct)
    {
        NewSeries = TempData["NewSeries"] as int?;
        var now = clock.GetUtcNow().UtcDateTime;
        if (channels.SmsOn) PaidThisMonth = await channels.PaidThisMonthAsync(now, ct);
        UnderFilled = await schedule.UnderFilledAsync(ct);
        var until = now.AddDays(7 * WeeksAhead);
        var rows = await db.ClassSessions.AsNoTracking()
            .Where(s => s.EndsAtUtc > now && s.StartsAtUtc < until)
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.SeriesId, s.Course.Title, VenueName = s.Venue.Name, s.StartsAtUtc, s.EndsAtUtc, s.Status, s.Capacity, s.Confirmed,
                Waitlisted = s.Bookings.Count(b => b.Status == BookingStatus.Waitlisted),
            })
            .ToListAsync(ct);
        var lockedSince = now - BookingLookup.CodeWindow;
        LockedLookups = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "booking.lookup-locked" && a.AtUtc > lockedSince)
            .OrderByDescending(a => a.AtUtc).Select(a => a.SubjectId).Distinct().Take(20).ToListAsync(ct);
        Declines = await db.Assignments.AsNoTracking()
            .Where(a => a.Response == AssignmentResponse.Declined && a.ClassSession.StartsAtUtc > now && a.ClassSession.Status == ClassSessionStatus.Scheduled)
            .OrderBy(a => a.ClassSession.StartsAtUtc)
            .Select(a => new Declined(a.ClassSessionId, a.ClassSession.Course.Title, a.ClassSession.StartsAtUtc, a.ClassSession.EndsAtUtc, a.Supporter.Name, a.DeclineReason))
            .ToListAsync(ct);
        var checks = await staffing.CheckAsync(rows.Select(r => r.Id).ToList(), ct);
        Sessions = rows.Select(r => new Row(r.Id, r.SeriesId, r.Title, r.VenueName, r.StartsAtUtc, r.EndsAtUtc, r.Status, r.Capacity, r.Confirmed, r.Waitlisted, checks[r.Id])).ToList();
    }

    public sealed record Declined(int SessionId, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, string Supporter, string? Reason);

    public sealed record Row(
        int Id, int? SeriesId, string Title, string VenueName, DateTime StartsAtUtc, DateTime EndsAtUtc, ClassSessionStatus Status,
        int Capacity, int Confirmed, int Waitlisted, StaffingCheck Staffing);
}
