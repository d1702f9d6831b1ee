using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>
/// A coordinator cancels one resident's seat or waiting place — on a page of its own that names the resident, never by
/// one click on the roster. A seat can then be put back from the roster for <see cref="RosterOptions.UndoMinutes"/>.
/// </summary>
public sealed class CancelBookingModel(AppDbContext db, BookingService bookings, IOptions<RosterOptions> roster) : PageModel
{
    [BindProperty]
    [StringLength(200, ErrorMessage = "キャンセルの理由は200文字以内で入力してください。")]
    [PlainText]
    [Display(Name = "キャンセルの理由")]
    public string? Reason { get; set; }

    public SessionHeader Session { get; private set; } = default!;

    public Target Booking { get; private set; } = default!;

    public int UndoMinutes => roster.Value.UndoMinutes;

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken ct) =>
        await LoadAsync(id, code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string code, CancellationToken ct)
    {
        if (!await LoadAsync(id, code, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await bookings.CancelByStaffAsync(Booking.Code, Reason?.Trim(), ct);
        TempData["StatusMessage"] = result == CancelResult.Cancelled
            ? $"{Booking.Name} さん（{Booking.Code}）の{(Booking.Status == BookingStatus.Waitlisted ? "キャンセル待ち" : "予約")}を取り消しました。"
            : $"{Booking.Code} はすでにキャンセルされています。";
        return RedirectToPage("/Classes/Roster", new { id });
    }

    /// <summary>The booking must belong to the class in the address, so a code typed into another class's page finds nothing.</summary>
    private async Task<bool> LoadAsync(int id, string code, CancellationToken ct)
    {
        if (BookingSecrets.NormalizeCode(code) is not { } valid) return false;
        var session = await SessionHeader.FindAsync(db, id, ct);
        var booking = await db.Bookings.AsNoTracking().Where(b => b.Code == valid && b.ClassSessionId == id)
            .Select(b => new Target(b.Code, b.Status, b.Participant.Name, b.Participant.Kana, b.Participant.Phone))
            .SingleOrDefaultAsync(ct);
        if (session is null || booking is null) return false;
        (Session, Booking) = (session, booking);
        return true;
    }

    public sealed record Target(string Code, BookingStatus Status, string Name, string Kana, string Phone);
}
