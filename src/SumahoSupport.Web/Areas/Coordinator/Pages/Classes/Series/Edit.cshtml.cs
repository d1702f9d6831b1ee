using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes.Series;

/// <summary>Changes every future occurrence of a series at once; each keeps its date.</summary>
public sealed class EditModel(AppDbContext db, ClassScheduleService schedule, TimeProvider clock) : PageModel
{
    [BindProperty] public SessionInput Input { get; set; } = new();

    public ScheduleChoices Choices { get; private set; } = default!;

    public string Rule { get; private set; } = "";

    public int FutureOccurrences { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var series = await db.ClassSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (series is null) return NotFound();
        Input = SessionInput.Of(series.CourseId, series.VenueId, series.FirstStartsAtUtc, series.FirstStartsAtUtc.AddMinutes(series.DurationMinutes),
            series.Capacity, series.BookingCutoffMinutes, series.LoanerDevices, series.Notes);
        return await PageAsync(series, ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var series = await db.ClassSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (series is null) return NotFound();
        if (!ModelState.IsValid) return await PageAsync(series, ct);
        var draft = Input.ToSeriesDraft(series.RecurrenceRule, series.KeepHolidays);
        if (await schedule.UpdateSeriesAsync(id, draft, ct) is ScheduleResult.Rejected rejected)
        {
            ModelState.AddModelError(string.Empty, rejected.Message);
            return await PageAsync(series, ct);
        }
        TempData["StatusMessage"] = "繰り返しの教室の今後の回をまとめて変更しました。";
        return RedirectToPage("/Index");
    }

    private async Task<IActionResult> PageAsync(ClassSeries series, CancellationToken ct)
    {
        Rule = series.RecurrenceRule;
        var now = clock.GetUtcNow().UtcDateTime;
        FutureOccurrences = await db.ClassSessions.CountAsync(s => s.SeriesId == series.Id && s.Status == ClassSessionStatus.Scheduled && s.StartsAtUtc > now, ct);
        Choices = await ScheduleChoices.LoadAsync(db, ct);
        return Page();
    }
}
