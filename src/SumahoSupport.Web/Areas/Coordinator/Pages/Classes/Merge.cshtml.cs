using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>
/// まとめる: an under-filled class's residents move to another date of the same course and the class is cancelled, after
/// one confirmation that names both classes and who will be told how (the coordinators' home offers it).
/// </summary>
public sealed class MergeModel(AppDbContext db, ClassScheduleService schedule, ClassInvitations invitations, Notifier notifier) : PageModel
{
    public SessionHeader From { get; private set; } = default!;

    public SessionHeader Into { get; private set; } = default!;

    /// <summary>The residents who will move, and how each will hear of it.</summary>
    public IReadOnlyList<Resident> Residents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int into, CancellationToken ct)
    {
        if (await SessionHeader.FindAsync(db, id, ct) is not { } from || await SessionHeader.FindAsync(db, into, ct) is not { } target) return NotFound();
        (From, Into) = (from, target);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.ClassSessionId == id && BookingStatuses.Active.Contains(b.Status))
            .OrderBy(b => b.Status).ThenBy(b => b.Id)
            .Select(b => b.Code)
            .ToListAsync(ct);
        var residents = new List<Resident>();
        foreach (var code in bookings)
        {
            // As the notifier will route it: the channel the resident chose if the city has it on, else mail, else a call.
            var facts = (await invitations.BookingAsync(code, ct))!;
            residents.Add(new Resident(code, facts.Name, facts.Status, await notifier.ChannelForAsync(facts, BookingNotice.Moved, ct)));
        }
        Residents = residents;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int into, CancellationToken ct)
    {
        var result = await schedule.MergeAsync(id, into, ct);
        switch (result)
        {
            case MergeResult.Merged merged:
                TempData["StatusMessage"] = merged.Cancelled == 0
                    ? $"教室をまとめました。{merged.Moved}件の予約を移し、元の教室は中止しました。"
                    : $"教室をまとめました。{merged.Moved}件の予約を移し、元の教室は中止しました（移す先にすでに予約のあった{merged.Cancelled}件は取り消しました）。";
                return RedirectToPage("/Classes/Roster", new { id = into });
            case MergeResult.NoRoom noRoom:
                ModelState.AddModelError(string.Empty, $"まとめる先の教室の空きが{noRoom.Free}席になったため、まとめられませんでした。別の日を選んでください。");
                break;
            default:
                ModelState.AddModelError(string.Empty, "この2つの教室はまとめられません（中止・開始済み、または講座が違います）。");
                break;
        }
        return await OnGetAsync(id, into, ct);
    }

    /// <param name="Channel">How they will hear; null: a coordinator's call (the call list).</param>
    public sealed record Resident(string Code, string Name, BookingStatus Status, MessageChannel? Channel);
}
