using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.Pages.Bookings;

/// <summary>
/// 振替: another date of the same course, without cancelling and booking again — for the holder of the manage link, and
/// for staff taking the call (who need no token). The 予約番号 and the links stay the same.
/// </summary>
[AllowAnonymous]
public sealed class MoveModel(AppDbContext db, BookingService bookings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty] public int? ToSessionId { get; set; }

    public BookingView Booking { get; private set; } = default!;

    public bool ByStaff { get; private set; }

    public IReadOnlyList<Option> Options { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        ByStaff = await HttpContext.IsStaffAsync();
        var found = await BookingView.FindAsync(db, code, ByStaff ? null : Token, ct, withoutToken: ByStaff);
        if (found is null) return NotFound();
        Booking = found;
        var now = clock.GetUtcNow().UtcDateTime;
        var course = await db.ClassSessions.Where(s => s.Id == found.SessionId).Select(s => s.CourseId).SingleAsync(ct);
        var sessions = db.ClassSessions.AsNoTracking()
            .Where(s => s.CourseId == course && s.Id != found.SessionId && s.Status == ClassSessionStatus.Scheduled);
        // Residents until a date's booking cutoff, staff on the phone until it starts — as BookingService.MoveAsync allows.
        sessions = ByStaff ? sessions.Where(s => s.StartsAtUtc > now) : sessions.Where(s => s.BookingClosesAtUtc > now);
        var english = Core.Text.Languages.IsEnglish;
        Options = [.. (await sessions.OrderBy(s => s.StartsAtUtc).Take(20)
                .Select(s => new { s.Id, s.StartsAtUtc, s.EndsAtUtc, Venue = english && s.Venue.NameEn != null ? s.Venue.NameEn : s.Venue.Name, s.Status, s.Capacity, s.Confirmed, s.BookingClosesAtUtc })
                .ToListAsync(ct))
            .Select(s => new Option(s.Id, s.StartsAtUtc, s.EndsAtUtc, s.Venue,
                SeatAvailability.Of(s.Status, s.Capacity, s.Confirmed, ByStaff ? s.StartsAtUtc : s.BookingClosesAtUtc, now)))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var page = await OnGetAsync(code, ct);
        if (page is not PageResult) return page;
        if (ToSessionId is not { } to || Options.All(o => o.SessionId != to))
        {
            ModelState.AddModelError(nameof(ToSessionId), "変更先の日にちを選んでください。");
            return Page();
        }
        switch (await bookings.MoveAsync(Booking.Code, Token, ByStaff, to, ct))
        {
            case MoveResult.Moved or MoveResult.MovedToWaitingList when ByStaff:
                TempData["StatusMessage"] = $"予約番号 {Booking.Code} の日にちを変更しました。";
                return RedirectToPage("/Bookings/Index", new { area = "Coordinator", q = Booking.Code });
            case MoveResult.Moved or MoveResult.MovedToWaitingList:
                return RedirectToPage("/Bookings/Show", new { code = Booking.Code, token = Token, done = "moved" });
            case MoveResult.AlreadyThere:
                return await RefusedAsync(code, "この電話番号では、その日にちにもう予約があります。", ct);
            case MoveResult.NotAnOption:
                return await RefusedAsync(code, "その日にちは、いま予約を受け付けていません。ほかの日にちを選んでください。", ct);
            case MoveResult.NotMovable:
                return await RefusedAsync(code, "この予約は日にちを変更できません（キャンセル済みか、教室が始まっています）。", ct);
            case MoveResult.NotFound:
                return NotFound();
            default:
                throw new UnreachableException();
        }
    }

    private async Task<IActionResult> RefusedAsync(string code, string message, CancellationToken ct)
    {
        await OnGetAsync(code, ct);
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    public sealed record Option(int SessionId, DateTime StartsAtUtc, DateTime EndsAtUtc, string VenueName, SeatAvailability Seats);
}
