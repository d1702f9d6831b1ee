using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Bookings;

public static class WaitingList
{
    /// <summary>「キャンセル待ち N番目」: first come, first served, so the place is the count of earlier waiting bookings.</summary>
    public static Task<int> PositionAsync(AppDbContext db, int bookingId, int sessionId, CancellationToken ct) =>
        db.Bookings.CountAsync(b => b.ClassSessionId == sessionId && b.Status == BookingStatus.Waitlisted && b.Id <= bookingId, ct);
}
