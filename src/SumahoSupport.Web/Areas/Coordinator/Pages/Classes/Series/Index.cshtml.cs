using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes.Series;

/// <summary>
/// Creates a recurring class (毎週・隔週・毎月第N曜日, or any RRULE) in two steps: a preview lists every date it will make
/// and every holiday or closed day it skips, where single dates can be dropped or added; then the classes are made.
/// </summary>
public sealed class IndexModel(AppDbContext db, ClassScheduleService schedule) : PageModel
{
    [BindProperty] public SeriesInput Input { get; set; } = new();

    public ScheduleChoices Choices { get; private set; } = default!;

    /// <summary>The dates shown on the preview, with whether each is kept; null until the preview.</summary>
    public IReadOnlyList<PreviewDate>? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Choices = await ScheduleChoices.LoadAsync(db, ct);
        return Page();
    }

    /// <summary>A form posted without a step (a page opened before the preview existed) is previewed, not made.</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => OnPostPreviewAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!Check()) return await OnGetAsync(ct);
        switch (schedule.PlanSeries(Input.ToSeriesDraft()))
        {
            case ScheduleResult.Planned { Plan: var plan }:
                var chosen = Input.ChosenDates() ?? [.. plan.Kept];
                Preview = [.. plan.Dates.Select(d => new PreviewDate(d.Date, d.Skipped, Added: false, chosen.Contains(d.Date)))
                    .Concat(chosen.Where(c => plan.Dates.All(d => d.Date != c)).Select(c => new PreviewDate(c, null, Added: true, Kept: true)))
                    .OrderBy(d => d.Date)];
                // The page shows the dates as kept now; the field to add one is empty again.
                ModelState.Remove("Input.ExtraDate");
                ModelState.Remove("Input.Dates");
                ModelState.Remove("Input.Previewed");
                Input.ExtraDate = null;
                Input.Previewed = true;
                return await OnGetAsync(ct);
            case ScheduleResult.Rejected rejected:
                return await RejectedAsync(rejected, ct);
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!Check()) return await OnGetAsync(ct);
        switch (await schedule.CreateSeriesAsync(Input.ToSeriesDraft(), ct, Input.ChosenDates()))
        {
            case ScheduleResult.SeriesSaved saved:
                TempData["StatusMessage"] = saved.SkippedHolidays.Count == 0
                    ? $"繰り返しの教室を{saved.Created}回分追加しました。一覧で「追加」の付いた行です。"
                    : $"繰り返しの教室を{saved.Created}回分追加しました。一覧で「追加」の付いた行です。祝日・休館日のため次の日は除きました: {string.Join("、", saved.SkippedHolidays)}";
                TempData["NewSeries"] = saved.SeriesId;
                return RedirectToPage("/Index");
            case ScheduleResult.Rejected rejected:
                return await RejectedAsync(rejected, ct);
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    private bool Check()
    {
        if (Input.EndTime <= Input.StartTime) ModelState.AddModelError("Input.EndTime", "終了時刻は開始時刻より後にしてください。");
        if (Input.Pattern == RepeatPattern.Custom && string.IsNullOrWhiteSpace(Input.CustomRule))
            ModelState.AddModelError("Input.CustomRule", "RRULEを入力してください。例: FREQ=WEEKLY;BYDAY=TU;COUNT=8");
        if (Input.Pattern != RepeatPattern.Custom && Input.End == SeriesEnd.Until && (Input.Until is null || Input.Until < Input.Date))
            ModelState.AddModelError("Input.Until", "最後の日を、初回の開催日以降の日付で入力してください。");
        return ModelState.IsValid;
    }

    private async Task<IActionResult> RejectedAsync(ScheduleResult.Rejected rejected, CancellationToken ct)
    {
        var field = rejected.Field == nameof(SeriesDraft.RecurrenceRule)
            ? (Input.Pattern == RepeatPattern.Custom ? "Input.CustomRule" : Input.End == SeriesEnd.Until ? "Input.Until" : "Input.Count")
            : $"Input.{SessionInput.FieldFor(rejected.Field)}";
        ModelState.AddModelError(field, rejected.Message);
        return await OnGetAsync(ct);
    }

    public sealed record PreviewDate(DateOnly Date, string? Skipped, bool Added, bool Kept)
    {
        public string Value => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        public string Label => JapaneseTime.FormatDate(Date, withYear: true);
    }
}
