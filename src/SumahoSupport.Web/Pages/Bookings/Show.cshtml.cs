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
public sealed class ShowModel(AppDbContext db, BookingService bookings, ISiteLinks links, Core.Messaging.ContactChoice contacts) : PageModel
{
    /// <summary>ご連絡の方法 and LINE's link, for the panel under the slip.</summary>
    public Core.Messaging.ContactState Contact { get; private set; } = default!;

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
        Contact = (await contacts.StateAsync(found.Code, ct))!;
        if (found.Status == BookingStatus.Waitlisted)
            WaitlistPosition = await bookings.WaitlistPositionAsync(found.Id, found.SessionId, ct);
        return Page();
    }

    /// <summary>ご連絡の方法を変える, behind the manage link like everything on this page.</summary>
    public async Task<IActionResult> OnPostContactAsync(string code, string? token, ContactPreference contact, CancellationToken ct)
    {
        var result = await contacts.ChangeAsync(code, token, contact, ct);
        if (result == Core.Messaging.ContactChange.NotFound) return NotFound();
        if (result == Core.Messaging.ContactChange.Changed) return RedirectToPage(new { code, token, done = "contact" });
        ModelState.AddModelError("contact", result switch
        {
            Core.Messaging.ContactChange.NoEmail => "このご予約にはメールアドレスがありません。ほかの方法を選ぶか、お電話でメールアドレスをお知らせください。",
            Core.Messaging.ContactChange.NotMobile => "ショートメールは携帯電話（070・080・090）にお送りします。ほかの方法を選んでください。",
            _ => "ご連絡の方法を選び直してください。",
        });
        return await OnGetAsync(code, token, ct);
    }

    public async Task<IActionResult> OnPostUnlinkLineAsync(string code, string? token, CancellationToken ct)
    {
        if (await BookingView.FindAsync(db, code, token, ct) is null) return NotFound();
        await contacts.UnlinkLineAsync(code, token, ct);
        return RedirectToPage(new { code, token, done = "contact" });
    }
}
