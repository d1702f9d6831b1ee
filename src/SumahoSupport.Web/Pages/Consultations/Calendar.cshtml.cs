using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SumahoSupport.Core;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Consultations;

/// <summary>The consultation's invitation as an .ics file, as a class booking's slip offers one; the same event as the mail's.</summary>
[AllowAnonymous]
public sealed class CalendarModel(AppDbContext db, ClassInvitations invitations, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, string? token, CancellationToken ct)
    {
        var normalized = BookingSecrets.NormalizeCode(code);
        var booking = normalized is null ? null : await db.ConsultationBookings.AsNoTracking().Where(b => b.Code == normalized)
            .Select(b => new
            {
                b.Code, b.ManageToken, b.Sequence, b.Status, b.StartsAtUtc, b.EndsAtUtc, b.Schedule.Mode,
                VenueName = b.Schedule.Venue == null ? null : b.Schedule.Venue.Name, VenueAddress = b.Schedule.Venue == null ? null : b.Schedule.Venue.Address,
                b.Participant.Name, b.Participant.Email,
            })
            .SingleOrDefaultAsync(ct);
        if (booking is null || !BookingSecrets.TokenMatches(booking.ManageToken, token)) return NotFound();
        var place = ConsultationLabels.Place(booking.VenueName, booking.Mode, label => text[label]);
        var invitation = invitations.ForConsultation(booking.Code, booking.ManageToken, booking.Sequence, booking.Status == ConsultationStatus.Cancelled,
            booking.StartsAtUtc, booking.EndsAtUtc, place, booking.VenueAddress, booking.Email ?? "", booking.Name);
        var ics = InvitationWriter.Write(invitation, clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"sumaho-{booking.Code}.ics");
    }
}
