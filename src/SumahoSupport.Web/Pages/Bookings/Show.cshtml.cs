using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Bookings;

/// <summary>
/// The booking's own page: confirmation after booking, the printable 予約票, and the way to cancel. Reloading it
/// never books again (Post/Redirect/Get).
/// </summary>
[AllowAnonymous]
public sealed class ShowModel(AppDbContext db, BookingService bookings, ISiteLinks links) : PageModel
{
    public BookingView Booking { get; private set; } = default!;

    public int WaitlistPosition { get; private set; }

    /// <summary>What just happened: booked, waitlisted, cancelled.</summary>
    [FromQuery(Name = "done")] public string? Done { get; set; }

    public string ManageUrl => links.Booking(Booking.Code, Booking.ManageToken);

    /// <summary>
    /// The survey has its own secret, so the printed survey QR can never cancel the booking. Only people with a seat can
    /// answer, so a cancelled or waiting booking shows no survey code that would lead nowhere.
    /// </summary>
    public string? SurveyUrl => Booking.SurveyToken is not null && BookingStatuses.HoldingSeat.Contains(Booking.Status)
        ? links.Survey(Booking.SurveyToken)
        : null;

    public async Task<IActionResult> OnGetAsync(string code, string? token, CancellationToken ct)
    {
        var found = await BookingView.FindAsync(db, code, token, ct);
        if (found is null) return NotFound();
        Booking = found;
        if (found.Status == BookingStatus.Waitlisted)
            WaitlistPosition = await bookings.WaitlistPositionAsync(found.Id, found.SessionId, ct);
        return Page();
    }
}
