using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Consultations;

/// <summary>
/// Who can help in a stretch of time: Certified and Lead supporters, their weekly pattern and days off, and what they are
/// already doing (classes, consultations). Loaded once for a window, then asked slot by slot in memory — a city has tens
/// of supporters and a few weeks of slots.
/// </summary>
internal sealed class SupporterPool
{
    private readonly List<Member> members;

    private SupporterPool(List<Member> members) => this.members = members;

    public static async Task<SupporterPool> LoadAsync(AppDbContext db, DateTime fromUtc, DateTime untilUtc, CancellationToken ct)
    {
        var weekStart = JapaneseTime.ToUtc(JapaneseTime.ToTokyo(fromUtc).Date.AddDays(-(((int)JapaneseTime.ToTokyo(fromUtc).DayOfWeek + 6) % 7)));
        var supporters = await db.Supporters.AsNoTracking()
            .Where(s => s.Status == SupporterStatus.Certified || s.Status == SupporterStatus.Lead)
            .Select(s => new
            {
                s.Id, s.KnowsAndroid, s.KnowsIPhone,
                Weekly = s.WeeklyAvailability.Select(w => new WeeklySlot(w.Weekday, w.StartMinute, w.EndMinute)).ToList(),
                DaysOff = s.AvailabilityExceptions.Select(e => e.Date).ToList(),
            })
            .ToListAsync(ct);
        var classes = await db.Assignments.AsNoTracking()
            .Where(a => a.ClassSession.Status != ClassSessionStatus.Cancelled && a.ClassSession.StartsAtUtc < untilUtc && a.ClassSession.EndsAtUtc > fromUtc)
            .Select(a => new { a.SupporterId, a.ClassSession.StartsAtUtc, a.ClassSession.EndsAtUtc })
            .ToListAsync(ct);
        var consultations = await db.ConsultationBookings.AsNoTracking()
            .Where(b => b.SupporterId != null && b.Status != ConsultationStatus.Cancelled && b.StartsAtUtc < untilUtc && b.EndsAtUtc > weekStart)
            .Select(b => new { SupporterId = b.SupporterId!.Value, b.StartsAtUtc, b.EndsAtUtc })
            .ToListAsync(ct);
        return new SupporterPool([.. supporters.Select(s => new Member(
            s.Id, s.KnowsAndroid, s.KnowsIPhone, s.Weekly, [.. s.DaysOff],
            [.. classes.Where(c => c.SupporterId == s.Id).Select(c => (c.StartsAtUtc, c.EndsAtUtc))
                .Concat(consultations.Where(c => c.SupporterId == s.Id).Select(c => (c.StartsAtUtc, c.EndsAtUtc)))],
            [.. consultations.Where(c => c.SupporterId == s.Id).Select(c => c.StartsAtUtc)]))]);
    }

    /// <summary>
    /// Supporters free for the whole of [start, end) who know the resident's device (anyone, for a resident without one),
    /// fewest consultations in that week first.
    /// </summary>
    public IReadOnlyList<int> FreeFor(DateTime startUtc, DateTime endUtc, DeviceType device)
    {
        var local = JapaneseTime.ToTokyo(startUtc);
        var date = DateOnly.FromDateTime(local);
        var startMinute = (int)local.TimeOfDay.TotalMinutes;
        var endMinute = startMinute + (int)(endUtc - startUtc).TotalMinutes;
        var weekFrom = JapaneseTime.ToUtc(local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)));
        return members
            .Where(m => device switch { DeviceType.Android => m.KnowsAndroid, DeviceType.IPhone => m.KnowsIPhone, _ => true })
            .Where(m => m.Weekly.Any(w => w.Weekday == local.DayOfWeek && w.StartMinute <= startMinute && w.EndMinute >= endMinute))
            .Where(m => !m.DaysOff.Contains(date))
            .Where(m => !m.Busy.Any(b => b.Start < endUtc && b.End > startUtc))
            .OrderBy(m => m.Consultations.Count(start => start >= weekFrom && start < weekFrom.AddDays(7)))
            .ThenBy(m => m.Id)
            .Select(m => m.Id)
            .ToList();
    }

    private sealed record Member(int Id, bool KnowsAndroid, bool KnowsIPhone, List<WeeklySlot> Weekly, HashSet<DateOnly> DaysOff, List<(DateTime Start, DateTime End)> Busy, List<DateTime> Consultations);
}
