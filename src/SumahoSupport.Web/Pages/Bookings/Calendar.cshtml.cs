using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Pages.Bookings;

namespace SumahoSupport.Web.Pages.Bookings;

/// <summary>The booking's invitation as an .ics file, for people who add it to their calendar by hand.</summary>
[AllowAnonymous]
public sealed class CalendarModel(AppDbContext db, ClassInvitations invitations, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, string? token, CancellationToken ct)
    {
        var view = await BookingView.FindAsync(db, code, token, ct);
        if (view is null || await invitations.BookingAsync(view.Code, ct) is not { } booking) return NotFound();
        var cancelled = booking.Status is not (BookingStatus.Confirmed or BookingStatus.Attended);
        var ics = InvitationWriter.Write(invitations.ForBooking(booking, cancelled), clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"sumaho-{booking.Code}.ics");
    }
}
