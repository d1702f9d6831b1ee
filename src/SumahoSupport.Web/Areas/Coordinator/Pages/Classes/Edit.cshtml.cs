using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>Adds one class, or changes one occurrence (a series' other occurrences stay as they are).</summary>
public sealed class EditModel(AppDbContext db, ClassScheduleService schedule) : PageModel
{
    [BindProperty] public SessionInput Input { get; set; } = new();

    public ScheduleChoices Choices { get; private set; } = default!;

    public int? SessionId { get; private set; }

    public int? SeriesId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            var session = await db.ClassSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
            if (session is null) return NotFound();
            Input = SessionInput.Of(session.CourseId, session.VenueId, session.StartsAtUtc, session.EndsAtUtc, session.Capacity,
                (int)(session.StartsAtUtc - session.BookingClosesAtUtc).TotalMinutes, session.LoanerDevices, session.Notes);
            SeriesId = session.SeriesId;
        }
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (id is not null && !await db.ClassSessions.AnyAsync(s => s.Id == id, ct)) return NotFound();
        if (!ModelState.IsValid) return await PageAsync(id, ct);
        var draft = Input.ToDraft();
        var result = id is null
            ? await schedule.CreateSessionAsync(draft, ct)
            : await schedule.UpdateSessionAsync(id.Value, draft, ct);
        if (result is ScheduleResult.Rejected rejected)
        {
            ModelState.AddModelError(rejected.Field == "" ? "" : $"Input.{SessionInput.FieldFor(rejected.Field)}", rejected.Message);
            return await PageAsync(id, ct);
        }
        TempData["StatusMessage"] = id is null ? "教室を追加しました。" : "教室の内容を変更しました。";
        return RedirectToPage("/Index");
    }

    private async Task<IActionResult> PageAsync(int? id, CancellationToken ct)
    {
        SessionId = id;
        Choices = await ScheduleChoices.LoadAsync(db, ct);
        return Page();
    }
}
