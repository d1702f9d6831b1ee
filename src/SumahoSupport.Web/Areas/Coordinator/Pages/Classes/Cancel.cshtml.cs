using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>中止: cancels the class and every booking in it, after one confirmation.</summary>
public sealed class CancelModel(AppDbContext db, ClassScheduleService schedule) : PageModel
{
    [BindProperty]
    [StringLength(200, ErrorMessage = "中止の理由は200文字以内で入力してください。")]
    [PlainText]
    [Display(Name = "中止の理由")]
    public string? Reason { get; set; }

    public SessionHeader Session { get; private set; } = default!;

    public int ActiveBookings { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await SessionHeader.FindAsync(db, id, ct);
        if (found is null) return NotFound();
        Session = found;
        ActiveBookings = await db.Bookings.CountAsync(b => b.ClassSessionId == id
            && (BookingStatuses.HoldingSeat.Contains(b.Status) || b.Status == BookingStatus.Waitlisted), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await OnGetAsync(id, ct);
        if (await SessionHeader.FindAsync(db, id, ct) is null) return NotFound();
        var cancelled = await schedule.CancelSessionAsync(id, Reason?.Trim(), ct);
        TempData["StatusMessage"] = $"教室を中止しました。{cancelled.Count}件の予約・キャンセル待ちを取り消しました。";
        return RedirectToPage("/Index");
    }
}
