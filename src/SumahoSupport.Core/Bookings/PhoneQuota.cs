using System.Linq.Expressions;
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

/// <summary>
/// Checks <see cref="PhoneQuotaOptions"/> for a web booking, inside the booking's transaction: first <see cref="LockAsync"/>,
/// then the phone's places counted (<see cref="Held"/>) and weighed (<see cref="Allows"/>) — or all three in
/// <see cref="AllowsAsync"/>.
/// </summary>
public sealed class PhoneQuota(AppDbContext db, IOptions<PhoneQuotaOptions> options, TimeProvider clock)
{
    /// <summary>
    /// A transaction lock on the phone number, so two requests for one phone at the same moment count one after the other
    /// rather than both seeing room for one more. The count is read by a statement after this one: under READ COMMITTED
    /// a statement sees what was committed when it began, so one that waited for the lock would miss the booking it
    /// waited for.
    /// </summary>
    public Task LockAsync(string phone, CancellationToken ct) => db.Database.LockAsync("phone-quota:" + phone, ct);

    /// <summary>
    /// When the places a phone holds begin — classes (seats and waiting places) and consultations that have not begun by
    /// the time given — as a rule a compiled query counts in the statement it needs anyway (<see cref="QueryRules"/>).
    /// </summary>
    public static readonly Expression<Func<AppDbContext, string, DateTime, IQueryable<DateTime>>> Held = (db, phone, now) =>
        db.Bookings
            .Where(b => b.PhoneKey == phone && BookingStatuses.Active.Contains(b.Status) && b.ClassSession.StartsAtUtc > now)
            .Select(b => b.ClassSession.StartsAtUtc)
            .Concat(db.ConsultationBookings
                .Where(b => b.Participant.Phone == phone && b.Status == ConsultationStatus.Confirmed && b.StartsAtUtc > now)
                .Select(b => b.StartsAtUtc));

    private static readonly Func<AppDbContext, string, DateTime, IAsyncEnumerable<DateTime>> HeldQuery =
        EF.CompileAsyncQuery(QueryRules.Inline((AppDbContext db, string phone, DateTime now) => Held.Apply(db, phone, now)));

    /// <summary>Whether a phone holding <paramref name="held"/> places, <paramref name="heldThatDay"/> of them on the new one's Tokyo day, may take one more.</summary>
    public bool Allows(int held, int heldThatDay) => held < options.Value.Upcoming && heldThatDay < options.Value.PerDay;

    /// <summary>Whether <paramref name="phone"/> may take one more booking starting at <paramref name="startsAtUtc"/>; takes the lock.</summary>
    public async Task<bool> AllowsAsync(string phone, DateTime startsAtUtc, CancellationToken ct)
    {
        await LockAsync(phone, ct);
        var (from, until) = JapaneseTime.TokyoDayOf(startsAtUtc);
        var (held, heldThatDay) = (0, 0);
        await foreach (var startsAt in HeldQuery(db, phone, clock.GetUtcNow().UtcDateTime).WithCancellation(ct))
        {
            held++;
            if (startsAt >= from && startsAt < until) heldThatDay++;
        }
        return Allows(held, heldThatDay);
    }
}
