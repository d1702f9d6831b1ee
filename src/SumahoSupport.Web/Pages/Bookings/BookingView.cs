using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Pages.Bookings;

/// <summary>One booking as its holder sees it; found only with the matching manage token.</summary>
public sealed record BookingView(
    int Id, string Code, string ManageToken, string? SurveyToken, BookingStatus Status, string Name, bool NeedsLoanerDevice,
    int SessionId, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, DateTime BookingClosesAtUtc, string? Notes,
    string VenueName, string VenueAddress, string? VenueAccess, string Phone, string? Email)
{
    public bool HasEmail => Email is not null;

    /// <param name="withoutToken">Staff taking a resident's call open the booking by its code alone.</param>
    public static async Task<BookingView?> FindAsync(AppDbContext db, string code, string? token, CancellationToken ct, bool withoutToken = false)
    {
        var normalized = BookingSecrets.NormalizeCode(code);
        if (normalized is null || (string.IsNullOrEmpty(token) && !withoutToken)) return null;
        // The city's words in the reader's language (Languages.Pick).
        var english = Languages.IsEnglish;
        var view = await db.Bookings.AsNoTracking()
            .Where(b => b.Code == normalized)
            .Select(b => new BookingView(
                b.Id, b.Code, b.ManageToken, b.SurveyToken, b.Status, b.Participant.Name, b.NeedsLoanerDevice,
                b.ClassSessionId, english && b.ClassSession.Course.TitleEn != null ? b.ClassSession.Course.TitleEn : b.ClassSession.Course.Title,
                b.ClassSession.StartsAtUtc, b.ClassSession.EndsAtUtc, b.ClassSession.BookingClosesAtUtc,
                english && b.ClassSession.Course.ThingsToBringEn != null && b.ClassSession.Notes == b.ClassSession.Course.ThingsToBring
                    ? b.ClassSession.Course.ThingsToBringEn : b.ClassSession.Notes,
                english && b.ClassSession.Venue.NameEn != null ? b.ClassSession.Venue.NameEn : b.ClassSession.Venue.Name,
                b.ClassSession.Venue.Address, english && b.ClassSession.Venue.AccessEn != null ? b.ClassSession.Venue.AccessEn : b.ClassSession.Venue.Access, b.Participant.Phone, b.Participant.Email))
            .SingleOrDefaultAsync(ct);
        return view is not null && (withoutToken || BookingSecrets.TokenMatches(view.ManageToken, token)) ? view : null;
    }
}
