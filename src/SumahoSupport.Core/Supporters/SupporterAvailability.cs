using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Supporters;

/// <summary>
/// Why a supporter does not suit a class or a consultation; <see cref="None"/> means they do. The first three are about
/// their time (<see cref="SupporterAvailability.ConflictOf"/>), the others about the work.
/// </summary>
public enum SupporterConflict
{
    None,

    /// <summary>Already working then: a class or a consultation.</summary>
    Busy,

    /// <summary>A day off (休み) they entered.</summary>
    DayOff,

    /// <summary>Outside their weekly pattern.</summary>
    NotUsuallyFree,

    /// <summary>The course or the resident's phone is one they do not know.</summary>
    WrongDevice,

    /// <summary>A Trainee, and no Certified or Lead supporter is on the class yet.</summary>
    NeedsMentor,
}

/// <summary>
/// Who can help when — one answer for staffing a class and for assigning a consultation. Loads, for a window, the
/// supporters of the given statuses with their weekly pattern, days off and what they already do (classes and
/// consultations), then answers slot by slot in memory: a city has tens of supporters and a few weeks of slots.
/// </summary>
public sealed class SupporterAvailability
{
    private SupporterAvailability(List<Member> members) => Members = members;

    public IReadOnlyList<Member> Members { get; }

    public static async Task<SupporterAvailability> LoadAsync(
        AppDbContext db, IReadOnlyCollection<SupporterStatus> statuses, DateTime fromUtc, DateTime untilUtc, CancellationToken ct)
    {
        // From the Monday of the first week, so "consultations this week" counts the whole week.
        var weekStart = WeekStart(fromUtc);
        var supporters = await db.Supporters.AsNoTracking()
            .Where(s => statuses.Contains(s.Status))
            .Select(s => new
            {
                s.Id, s.Name, s.Kana, s.Status, s.KnowsAndroid, s.KnowsIPhone,
                Weekly = s.WeeklyAvailability.Select(w => new WeeklySlot(w.Weekday, w.StartMinute, w.EndMinute)).ToList(),
                DaysOff = s.AvailabilityExceptions.Select(e => e.Date).ToList(),
            })
            .ToListAsync(ct);
        var classes = await db.Assignments.AsNoTracking().Counted()
            .Where(a => a.ClassSession.Status != ClassSessionStatus.Cancelled && a.ClassSession.StartsAtUtc < untilUtc && a.ClassSession.EndsAtUtc > fromUtc)
            .Select(a => new { a.SupporterId, a.ClassSession.StartsAtUtc, a.ClassSession.EndsAtUtc })
            .ToListAsync(ct);
        var consultations = await db.ConsultationBookings.AsNoTracking()
            .Where(b => b.SupporterId != null && b.Status != ConsultationStatus.Cancelled && b.StartsAtUtc < untilUtc && b.EndsAtUtc > weekStart)
            .Select(b => new { SupporterId = b.SupporterId!.Value, b.StartsAtUtc, b.EndsAtUtc })
            .ToListAsync(ct);
        return new SupporterAvailability([.. supporters.Select(s => new Member(
            s.Id, s.Name, s.Kana, s.Status, s.KnowsAndroid, s.KnowsIPhone, s.Weekly, [.. s.DaysOff],
            [.. classes.Where(c => c.SupporterId == s.Id).Select(c => (c.StartsAtUtc, c.EndsAtUtc))
                .Concat(consultations.Where(c => c.SupporterId == s.Id).Select(c => (c.StartsAtUtc, c.EndsAtUtc)))],
            [.. consultations.Where(c => c.SupporterId == s.Id).Select(c => c.StartsAtUtc)]))]);
    }

    /// <summary>Whether <paramref name="member"/> can take the whole of [start, end), and if not, why.</summary>
    public static SupporterConflict ConflictOf(Member member, DateTime startUtc, DateTime endUtc)
    {
        var local = JapaneseTime.ToTokyo(startUtc);
        var startMinute = (int)local.TimeOfDay.TotalMinutes;
        var endMinute = startMinute + (int)(endUtc - startUtc).TotalMinutes;
        if (member.Busy.Any(b => b.Start < endUtc && b.End > startUtc)) return SupporterConflict.Busy;
        if (member.DaysOff.Contains(DateOnly.FromDateTime(local))) return SupporterConflict.DayOff;
        if (!member.Weekly.Any(w => w.Weekday == local.DayOfWeek && w.StartMinute <= startMinute && w.EndMinute >= endMinute)) return SupporterConflict.NotUsuallyFree;
        return SupporterConflict.None;
    }

    /// <summary>
    /// Members free for the whole of [start, end) who can help a resident with <paramref name="device"/> (anyone, for a
    /// resident without a phone), fewest consultations in that week first.
    /// </summary>
    public IReadOnlyList<int> FreeFor(DateTime startUtc, DateTime endUtc, Bookings.DeviceType device)
    {
        var weekFrom = WeekStart(startUtc);
        return [.. Members
            .Where(m => m.Knows(device) && ConflictOf(m, startUtc, endUtc) == SupporterConflict.None)
            .OrderBy(m => m.Consultations.Count(start => start >= weekFrom && start < weekFrom.AddDays(7)))
            .ThenBy(m => m.Id)
            .Select(m => m.Id)];
    }

    /// <summary>Monday 0:00 Japan time of the week <paramref name="utc"/> falls in, as UTC.</summary>
    private static DateTime WeekStart(DateTime utc)
    {
        var local = JapaneseTime.ToTokyo(utc).Date;
        return JapaneseTime.ToUtc(local.AddDays(-(((int)local.DayOfWeek + 6) % 7)));
    }

    public sealed record Member(
        int Id, string Name, string Kana, SupporterStatus Status, bool KnowsAndroid, bool KnowsIPhone,
        List<WeeklySlot> Weekly, HashSet<DateOnly> DaysOff, List<(DateTime Start, DateTime End)> Busy, List<DateTime> Consultations)
    {
        public bool Knows(Bookings.DeviceType device) => device switch
        {
            Bookings.DeviceType.Android => KnowsAndroid,
            Bookings.DeviceType.IPhone => KnowsIPhone,
            _ => true,
        };

        public bool Knows(TargetOs os) => os switch
        {
            TargetOs.Android => KnowsAndroid,
            TargetOs.IPhone => KnowsIPhone,
            _ => KnowsAndroid || KnowsIPhone,
        };
    }
}
