using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Consultations;

/// <summary>
/// One consultation for the coordinator: who, when, what about, and who helps — with handing it to another supporter,
/// cancelling it on the city's side (the resident is told), and its 相談記録 once held.
/// </summary>
public sealed class ShowModel(AppDbContext db, ConsultationService consultations, TimeProvider clock) : PageModel
{
    [BindProperty]
    [StringLength(100, ErrorMessage = "取り消しの理由は100文字以内で入力してください。")]
    [PlainText]
    [Display(Name = "取り消しの理由")]
    public string? Reason { get; set; }

    /// <summary>The supporter to hand the consultation to.</summary>
    [BindProperty] public int? SupporterId { get; set; }

    public ConsultationBooking Booking { get; private set; } = default!;

    public IReadOnlyList<ConsultationCandidate> Candidates { get; private set; } = [];

    public SupportLog? Log { get; private set; }

    public bool IsAhead => Booking.Status == ConsultationStatus.Confirmed && Booking.StartsAtUtc > clock.GetUtcNow().UtcDateTime;

    public bool CanRecord => Log is null && Booking.Status != ConsultationStatus.Cancelled && Booking.StartsAtUtc <= clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var normalized = BookingSecrets.NormalizeCode(code);
        var found = normalized is null ? null : await db.ConsultationBookings.AsNoTracking()
            .Include(b => b.Schedule).ThenInclude(s => s.Venue).Include(b => b.Participant).Include(b => b.Supporter)
            .SingleOrDefaultAsync(b => b.Code == normalized, ct);
        if (found is null) return NotFound();
        Booking = found;
        Log = await db.SupportLogs.AsNoTracking().SingleOrDefaultAsync(l => l.ConsultationBookingId == found.Id, ct);
        if (IsAhead) Candidates = await consultations.CandidatesAsync(found, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReassignAsync(string code, CancellationToken ct)
    {
        if (await OnGetAsync(code, ct) is not PageResult page) return NotFound();
        if (SupporterId is not { } supporterId)
        {
            ModelState.AddModelError(nameof(SupporterId), "新しい担当を選んでください。");
            return page;
        }
        var result = await consultations.ReassignAsync(Booking.Code, supporterId, ct);
        if (result is ReassignResult.Changed or ReassignResult.Unchanged)
        {
            TempData["StatusMessage"] = result == ReassignResult.Changed ? "担当の支援員を替えました。新しい担当と前の担当にお知らせしました。" : "担当は変わっていません。";
            return RedirectToPage(new { code = Booking.Code });
        }
        ModelState.AddModelError(nameof(SupporterId), result switch
        {
            ReassignResult.NotChangeable => "この相談は、もう担当を替えられません（キャンセル済みか、始まっています）。",
            ReassignResult.NotAHelper => "選んだ人は、いま相談を担当できる支援員（認定・リーダー）ではありません。",
            ReassignResult.Busy => "選んだ支援員は、同じ時間に別の担当（教室・相談）があります。",
            _ => throw new UnreachableException(),
        });
        return page;
    }

    public async Task<IActionResult> OnPostCancelAsync(string code, CancellationToken ct)
    {
        if (await OnGetAsync(code, ct) is not PageResult page) return NotFound();
        if (!ModelState.IsValid) return page;
        if (!await consultations.CancelAsync(Booking.Code, ConsultationNotice.CancelledByCity, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), ct))
        {
            ModelState.AddModelError(string.Empty, "この相談は取り消せません（すでにキャンセル済みか、相談の時間を過ぎています）。");
            return page;
        }
        TempData["StatusMessage"] = Booking.Participant.Email is null
            ? "相談を取り消しました。メールのない方なので、電話連絡リストに追加しました。"
            : "相談を取り消しました。ご本人と支援員にメールでお知らせしました。";
        return RedirectToPage(new { code = Booking.Code });
    }
}
