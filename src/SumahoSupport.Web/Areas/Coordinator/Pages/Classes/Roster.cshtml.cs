using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Pages.Shared;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>受講者名簿: who is coming, check-in on the day, walk-ins, and cancellations taken by phone.</summary>
public sealed class RosterModel(AppDbContext db, BookingService bookings, TimeProvider clock) : PageModel
{
    [BindProperty] public BookingInput WalkIn { get; set; } = new();

    public SessionHeader Session { get; private set; } = default!;

    public IReadOnlyList<Row> Seated { get; private set; } = [];

    public IReadOnlyList<Row> Waiting { get; private set; } = [];

    public int CancelledCount { get; private set; }

    /// <summary>Seats cancelled by staff a moment ago, which 元に戻す can still put back.</summary>
    public IReadOnlyList<Row> JustCancelled { get; private set; } = [];

    /// <summary>出欠 and walk-ins open on the class's day (Tokyo).</summary>
    public bool AttendanceOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await SessionHeader.FindAsync(db, id, ct);
        if (found is null) return NotFound();
        Session = found;
        var now = clock.GetUtcNow().UtcDateTime;
        AttendanceOpen = BookingService.AttendanceOpen(found.StartsAtUtc, now);
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.ClassSessionId == id)
            .InTurn()
            .Select(b => new Row(b.Code, b.Status, b.Channel, b.Participant.Name, b.Participant.Kana, b.Participant.Phone,
                b.Participant.Email, b.Participant.Device, b.NeedsLoanerDevice, b.Participant.Needs, b.UndoUntilUtc))
            .ToListAsync(ct);
        Seated = rows.Where(r => BookingStatuses.HoldingSeat.Contains(r.Status)).OrderBy(r => r.Kana, StringComparer.Ordinal).ToList();
        Waiting = rows.Where(r => r.Status is BookingStatus.Waitlisted or BookingStatus.Lapsed).ToList();
        CancelledCount = rows.Count(r => r.Status == BookingStatus.Cancelled);
        JustCancelled = rows.Where(r => r.Status == BookingStatus.Cancelled && r.UndoUntilUtc > now).ToList();
        return Page();
    }

    /// <summary>
    /// A post that names no action — such as 「キャンセルする」 on a roster opened before cancelling moved to its own page —
    /// changes nothing and shows the roster again, where cancelling now asks first.
    /// </summary>
    public IActionResult OnPost(int id)
    {
        TempData["StatusMessage"] = "名簿を新しくしました。予約のキャンセルは「キャンセル…」から、確かめてから行えます。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, string? code, bool attended, CancellationToken ct)
    {
        if (BookingSecrets.NormalizeCode(code) is not { } valid) return InvalidCode(id);
        code = valid;
        var result = await bookings.RecordAttendanceAsync(code, attended, ct);
        TempData["StatusMessage"] = result switch
        {
            AttendanceResult.Recorded => $"{code} を{(attended ? "出席" : "欠席")}にしました。",
            AttendanceResult.NotYet => "出欠は教室の当日から記録できます。",
            _ => $"{code} はキャンセル済みまたはキャンセル待ちのため、出欠は記録できません。",
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, string? code, CancellationToken ct)
    {
        if (BookingSecrets.NormalizeCode(code) is not { } valid) return InvalidCode(id);
        TempData["StatusMessage"] = await bookings.UndoStaffCancelAsync(valid, ct) switch
        {
            UndoResult.Undone => $"{valid} の予約を元に戻しました。ご本人へのお知らせは送っていません。",
            UndoResult.BookedAgain => $"{valid} の方はこの教室を予約し直しています。その予約が有効です。",
            _ => $"{valid} は元に戻せる時間を過ぎました。もう一度予約を受けてください。",
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPromoteAsync(int id, string? code, CancellationToken ct)
    {
        if (BookingSecrets.NormalizeCode(code) is not { } valid) return InvalidCode(id);
        code = valid;
        TempData["StatusMessage"] = await bookings.PromoteByStaffAsync(code, ct) switch
        {
            PromoteResult.Promoted => $"{code} の予約を確定しました。",
            PromoteResult.NoSeat => "空いている席がありません。",
            _ => $"{code} はキャンセル待ちではありません。",
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWalkInAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await OnGetAsync(id, ct);
        var result = await bookings.BookAsync(id, WalkIn.ToRequest(BookingChannel.Counter), BookingKind.WalkIn, ct);
        switch (result)
        {
            case BookingResult.Booked booked:
                TempData["StatusMessage"] = $"当日参加の方を出席で登録しました（{booked.Code}）。";
                return RedirectToPage(new { id });
            case BookingResult.AlreadyBooked existing:
                TempData["StatusMessage"] = $"この電話番号の予約がすでにあります（{existing.Code}）。名簿で出席にしてください。";
                return RedirectToPage(new { id });
            case BookingResult.Full:
                ModelState.AddModelError(string.Empty, "満席のため当日参加を登録できません。定員を増やす場合は教室の変更から行ってください。");
                return await OnGetAsync(id, ct);
            case BookingResult.Closed:
                ModelState.AddModelError(string.Empty, "この教室は終了したか中止されています。");
                return await OnGetAsync(id, ct);
            default:
                throw new UnreachableException();
        }
    }

    /// <summary>Buttons always post a real code; anything else is not echoed back.</summary>
    private RedirectToPageResult InvalidCode(int id)
    {
        TempData["StatusMessage"] = "予約番号が正しくありません。";
        return RedirectToPage(new { id });
    }

    public sealed record Row(
        string Code, BookingStatus Status, BookingChannel Channel, string Name, string Kana, string Phone, string? Email,
        DeviceType Device, bool NeedsLoanerDevice, string? Needs, DateTime? UndoUntilUtc);
}
