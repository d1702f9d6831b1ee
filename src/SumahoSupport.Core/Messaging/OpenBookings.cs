using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Messaging;

/// <summary>A booking a resident may still cancel from their channel, in the booking's language.</summary>
public sealed record OpenBooking(int Id, string Code, int ParticipantId, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, string VenueName, string Language);

/// <summary>What LINE and text conversations share: the bookings still to come, and a resident's words folded to compare.</summary>
public static class OpenBookings
{
    /// <summary>Confirmed or waiting bookings of classes still to come, soonest first, of the residents <paramref name="whose"/> picks.</summary>
    public static Task<List<OpenBooking>> OfAsync(AppDbContext db, Expression<Func<Booking, bool>> whose, DateTime nowUtc, CancellationToken ct) =>
        db.Bookings.AsNoTracking().Where(whose)
            .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted)
                && b.ClassSession.Status == ClassSessionStatus.Scheduled && b.ClassSession.StartsAtUtc > nowUtc)
            .OrderBy(b => b.ClassSession.StartsAtUtc)
            .Select(b => new OpenBooking(b.Id, b.Code, b.ParticipantId,
                b.Language == Languages.EnglishCode && b.ClassSession.Course.TitleEn != null ? b.ClassSession.Course.TitleEn : b.ClassSession.Course.Title,
                b.ClassSession.StartsAtUtc, b.ClassSession.EndsAtUtc,
                b.Language == Languages.EnglishCode && b.ClassSession.Venue.NameEn != null ? b.ClassSession.Venue.NameEn : b.ClassSession.Venue.Name,
                b.Language))
            // A LINE quick reply holds 13 buttons; a text lists no more than fit on a screen.
            .Take(10)
            .ToListAsync(ct);

    /// <summary>What a resident typed, folded so 「ｷｬﾝｾﾙ」, 「キャンセル 」 and 「cancel」 compare equal: NFKC, upper case, no spaces or hyphens.</summary>
    public static string Folded(string said) =>
        new([.. said.Normalize(NormalizationForm.FormKC).ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '－')]);
}
