using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Bookings;

/// <summary>
/// First come, first served: a waiting place's turn is when it joined this class's list (its status time), then its
/// number — so a booking moved here from another date (振替) queues behind those already waiting.
/// </summary>
public static class WaitingList
{
    public static IOrderedQueryable<Booking> InTurn(this IQueryable<Booking> waiting) =>
        waiting.OrderBy(b => b.StatusChangedAtUtc).ThenBy(b => b.Id);

    /// <summary>「キャンセル待ち N番目」: the count of waiting places whose turn comes before this one's, and itself.</summary>
    public static Task<int> PositionAsync(AppDbContext db, int bookingId, int sessionId, CancellationToken ct)
    {
        var joined = db.Bookings.Where(b => b.Id == bookingId).Select(b => b.StatusChangedAtUtc);
        return db.Bookings.CountAsync(b => b.ClassSessionId == sessionId && b.Status == BookingStatus.Waitlisted
            && (b.StatusChangedAtUtc < joined.First() || (b.StatusChangedAtUtc == joined.First() && b.Id <= bookingId)), ct);
    }
}
