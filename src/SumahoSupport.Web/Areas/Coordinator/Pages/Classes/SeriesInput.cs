using System.ComponentModel.DataAnnotations;
using SumahoSupport.Core.Classes;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

public enum RepeatPattern
{
    Weekly,
    EveryTwoWeeks,
    MonthlyNthWeekday,
    Custom,
}

public enum SeriesEnd
{
    /// <summary>This many classes held; holidays skipped do not count.</summary>
    Count,

    /// <summary>Every date up to a last day.</summary>
    Until,
}

/// <summary>A recurring class: the session fields, plus how it repeats (turned into an RRULE here) and how it ends.</summary>
public sealed class SeriesInput : SessionInput
{
    [Display(Name = "繰り返し")]
    public RepeatPattern Pattern { get; set; }

    [Display(Name = "終わり方")]
    public SeriesEnd End { get; set; }

    [Range(1, ClassScheduleService.MaxOccurrences, ErrorMessage = "回数は1〜60回で入力してください。")]
    [Display(Name = "開催する回数")]
    public int Count { get; set; } = 8;

    [Display(Name = "最後の日")]
    public DateOnly? Until { get; set; }

    /// <summary>The dates kept on the preview (checked), posted back with the create step.</summary>
    public List<DateOnly> Dates { get; set; } = [];

    /// <summary>Set once the preview has been shown, so an empty <see cref="Dates"/> means "every date dropped".</summary>
    public bool Previewed { get; set; }

    [Display(Name = "日にちを足す")]
    public DateOnly? ExtraDate { get; set; }

    [StringLength(300, ErrorMessage = "RRULEは300文字以内で入力してください。")]
    [PlainText]
    [Display(Name = "RRULE（上級者向け）")]
    public string? CustomRule { get; set; }

    [Display(Name = "祝日も開催する")]
    public bool KeepHolidays { get; set; }

    private static readonly string[] IcalDays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The RRULE of the chosen pattern, without its end: the series' end is <see cref="End"/>.</summary>
    public string ToRule()
    {
        var first = Date!.Value;
        var day = IcalDays[(int)first.DayOfWeek];
        return Pattern switch
        {
            RepeatPattern.Weekly => $"FREQ=WEEKLY;BYDAY={day}",
            RepeatPattern.EveryTwoWeeks => $"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}",
            RepeatPattern.MonthlyNthWeekday => $"FREQ=MONTHLY;BYDAY={((first.Day - 1) / 7) + 1}{day}",
            _ => (CustomRule ?? "").Trim(),
        };
    }

    /// <summary>The series as asked: a custom RRULE carries its own end (COUNT counts every date, as RFC 5545 says).</summary>
    public SeriesDraft ToSeriesDraft() =>
        ToSeriesDraft(ToRule(), KeepHolidays) with
        {
            Classes = Pattern != RepeatPattern.Custom && End == SeriesEnd.Count ? Count : null,
            Until = Pattern != RepeatPattern.Custom && End == SeriesEnd.Until ? Until : null,
        };

    /// <summary>The dates to make: those kept on the preview and the one added, or null before a preview (every planned date).</summary>
    public IReadOnlyCollection<DateOnly>? ChosenDates() =>
        Previewed ? [.. Dates.Append(ExtraDate ?? default).Where(d => d != default).Distinct().Order()] : null;
}
