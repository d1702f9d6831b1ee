using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Bookings;

public static class BookingCodes
{
    /// <summary>
    /// A 予約番号 used by no class booking and no consultation, so a code read out over the phone finds one booking
    /// whichever kind it is.
    /// </summary>
    public static async Task<string> NewUniqueAsync(AppDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var code = BookingSecrets.NewCode();
            if (!await db.Bookings.Select(b => b.Code).Concat(db.ConsultationBookings.Select(b => b.Code)).AnyAsync(c => c == code, ct)) return code;
        }
    }
}
