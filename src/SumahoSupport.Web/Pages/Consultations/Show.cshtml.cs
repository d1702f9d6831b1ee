using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.Pages.Consultations;

/// <summary>
/// 相談の予約票: the confirmation, the printable slip and the way to cancel — for whoever holds the manage link's token,
/// and for coordinators. Without either it is a 404, so codes cannot be tried one after another.
/// </summary>
[AllowAnonymous]
public sealed class ShowModel(AppDbContext db, ConsultationService consultations, TimeProvider clock, ISiteLinks links) : PageModel
{
    public string ManageUrl => links.Consultation(Booking.Code, Booking.ManageToken);

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public Details Booking { get; private set; } = default!;

    public bool CanCancel => Booking.Status == ConsultationStatus.Confirmed && Booking.StartsAtUtc > clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var normalized = BookingSecrets.NormalizeCode(code);
        var found = normalized is null ? null : await db.ConsultationBookings.AsNoTracking().Where(b => b.Code == normalized)
            .Select(b => new Details(b.Code, b.ManageToken, b.Status, b.StartsAtUtc, b.EndsAtUtc, b.Schedule.Mode,
                b.Schedule.Venue == null ? null : b.Schedule.Venue.Name, b.Schedule.Venue == null ? null : b.Schedule.Venue.Address,
                b.Participant.Name, b.Participant.Phone, b.Topics, b.Request, b.Device))
            .SingleOrDefaultAsync(ct);
        var staff = await HttpContext.IsStaffAsync();
        if (found is null || (!staff && !BookingSecrets.TokenMatches(found.ManageToken, Token))) return NotFound();
        Booking = found;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string code, CancellationToken ct)
    {
        var page = await OnGetAsync(code, ct);
        if (page is not PageResult) return page;
        var staff = await HttpContext.IsStaffAsync();
        var cancelled = staff ? await consultations.CancelAsync(Booking.Code, ConsultationNotice.Cancelled, null, ct) : await consultations.CancelByResidentAsync(Booking.Code, Token, ct);
        if (!cancelled)
        {
            ModelState.AddModelError(string.Empty, "この予約はキャンセルできません（すでにキャンセル済みか、相談の時間を過ぎています）。");
            return Page();
        }
        return RedirectToPage(new { code = Booking.Code, token = Token, done = "cancelled" });
    }

    public sealed record Details(
        string Code, string ManageToken, ConsultationStatus Status, DateTime StartsAtUtc, DateTime EndsAtUtc, ConsultationMode Mode,
        string? VenueName, string? VenueAddress, string Name, string Phone, string Topics, string? Request, DeviceType Device);
}
