using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes.Series;

/// <summary>Creates a recurring class (毎週・隔週・毎月第N曜日, or any RRULE), skipping public holidays.</summary>
public sealed class IndexModel(AppDbContext db, ClassScheduleService schedule) : PageModel
{
    [BindProperty] public SeriesInput Input { get; set; } = new();

    public ScheduleChoices Choices { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Choices = await ScheduleChoices.LoadAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.EndTime <= Input.StartTime) ModelState.AddModelError("Input.EndTime", "終了時刻は開始時刻より後にしてください。");
        if (Input.Pattern == RepeatPattern.Custom && string.IsNullOrWhiteSpace(Input.CustomRule))
            ModelState.AddModelError("Input.CustomRule", "RRULEを入力してください。例: FREQ=WEEKLY;BYDAY=TU;COUNT=8");
        if (!ModelState.IsValid) return await OnGetAsync(ct);

        var result = await schedule.CreateSeriesAsync(Input.ToSeriesDraft(Input.ToRule(), Input.KeepHolidays), ct);
        switch (result)
        {
            case ScheduleResult.SeriesSaved saved:
                TempData["StatusMessage"] = saved.SkippedHolidays.Count == 0
                    ? $"繰り返しの教室を{saved.Created}回分追加しました。"
                    : $"繰り返しの教室を{saved.Created}回分追加しました。祝日のため次の日は除きました: {string.Join("、", saved.SkippedHolidays)}";
                return RedirectToPage("/Index");
            case ScheduleResult.Rejected rejected:
                var field = rejected.Field == nameof(SeriesDraft.RecurrenceRule)
                    ? (Input.Pattern == RepeatPattern.Custom ? "Input.CustomRule" : "Input.Count")
                    : $"Input.{SessionInput.FieldFor(rejected.Field)}";
                ModelState.AddModelError(field, rejected.Message);
                return await OnGetAsync(ct);
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }
}
