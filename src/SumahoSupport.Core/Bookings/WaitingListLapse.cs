using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Core.Bookings;

/// <summary>
/// A waiting place is not a seat, and must not look like one on the day: when a class's booking closes and no seat
/// reached a waiting place, the place ends (<see cref="BookingStatus.Lapsed"/>) and the resident is told — by mail, or
/// on the call list. Each place is claimed by a conditional UPDATE in the unit of its notice, so two instances running
/// the minute job tell each resident once.
/// </summary>
public sealed class WaitingListLapse(AppDbContext db, UnitOfWork work, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    /// <returns>How many waiting places ended.</returns>
    public async Task<int> LapseDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Waitlisted && b.ClassSession.Status == ClassSessionStatus.Scheduled && b.ClassSession.BookingClosesAtUtc <= now)
            .OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.Code })
            .ToListAsync(ct);
        var lapsed = 0;
        foreach (var place in due)
        {
            if (await work.RunAsync(async unit =>
                {
                    if (await unit.UpdateAsync(db.Bookings.Where(b => b.Id == place.Id && b.Status == BookingStatus.Waitlisted),
                            b => b.SetProperty(x => x.Status, BookingStatus.Lapsed).SetProperty(x => x.StatusChangedAtUtc, now), ct) == 0)
                        return unit.Discard(false);
                    audit.Record("booking.waitlist-lapsed", nameof(Booking), place.Code, "no seat by the booking cutoff");
                    await notifier.BookingAsync(place.Code, BookingNotice.WaitlistLapsed, ct);
                    return true;
                }, ct)) lapsed++;
        }
        return lapsed;
    }
}
