using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Bookings;

/// <summary>
/// How many classes and consultations one phone number may hold on the web, so that one person cannot fill a class's
/// waiting list or every consultation slot (<c>Limits:Phone:*</c>). Staff booking by phone or at the counter are not
/// limited: they see who they book for.
/// </summary>
public sealed class PhoneQuotaOptions
{
    public const string Section = "Limits:Phone";

    /// <summary>Active bookings (classes, waiting places and consultations) on one Tokyo day.</summary>
    public int PerDay { get; set; } = 2;

    /// <summary>Active bookings that have not started yet, in all.</summary>
    public int Upcoming { get; set; } = 6;
}

/// <summary>Checks <see cref="PhoneQuotaOptions"/> for a web booking, inside the booking's transaction.</summary>
public sealed class PhoneQuota(AppDbContext db, IOptions<PhoneQuotaOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Whether <paramref name="phone"/> may take one more booking starting at <paramref name="startsAtUtc"/>. Takes a
    /// transaction lock on the phone number first, so two requests for one phone at the same moment count one after
    /// the other rather than both seeing room for one more.
    /// </summary>
    public async Task<bool> AllowsAsync(string phone, DateTime startsAtUtc, CancellationToken ct)
    {
        await db.Database.LockAsync("phone-quota:" + phone, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Both kinds in one round trip: it runs inside the booking's transaction, holding the phone's lock.
        var upcoming = await db.Bookings
            .Where(b => b.PhoneKey == phone && BookingStatuses.Active.Contains(b.Status) && b.ClassSession.StartsAtUtc > now)
            .Select(b => b.ClassSession.StartsAtUtc)
            .Concat(db.ConsultationBookings
                .Where(b => b.Participant.Phone == phone && b.Status == ConsultationStatus.Confirmed && b.StartsAtUtc > now)
                .Select(b => b.StartsAtUtc))
            .ToListAsync(ct);
        var day = DateOnly.FromDateTime(JapaneseTime.ToTokyo(startsAtUtc));
        var sameDay = upcoming.Count(s => DateOnly.FromDateTime(JapaneseTime.ToTokyo(s)) == day);
        return upcoming.Count < options.Value.Upcoming && sameDay < options.Value.PerDay;
    }
}
