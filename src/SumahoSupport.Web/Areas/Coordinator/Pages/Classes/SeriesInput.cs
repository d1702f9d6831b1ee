using System.ComponentModel.DataAnnotations;
using System.Globalization;
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

/// <summary>A recurring class: the session fields, plus how it repeats (turned into an RRULE here).</summary>
public sealed class SeriesInput : SessionInput
{
    [Display(Name = "繰り返し")]
    public RepeatPattern Pattern { get; set; }

    [Range(1, ClassScheduleService.MaxOccurrences, ErrorMessage = "回数は1〜60回で入力してください。")]
    [Display(Name = "回数")]
    public int Count { get; set; } = 8;

    [StringLength(300, ErrorMessage = "RRULEは300文字以内で入力してください。")]
    [PlainText]
    [Display(Name = "RRULE（上級者向け）")]
    public string? CustomRule { get; set; }

    [Display(Name = "祝日も開催する")]
    public bool KeepHolidays { get; set; }

    private static readonly string[] IcalDays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public string ToRule()
    {
        var first = Date!.Value;
        var day = IcalDays[(int)first.DayOfWeek];
        var count = Count.ToString(CultureInfo.InvariantCulture);
        return Pattern switch
        {
            RepeatPattern.Weekly => $"FREQ=WEEKLY;BYDAY={day};COUNT={count}",
            RepeatPattern.EveryTwoWeeks => $"FREQ=WEEKLY;INTERVAL=2;BYDAY={day};COUNT={count}",
            RepeatPattern.MonthlyNthWeekday => $"FREQ=MONTHLY;BYDAY={((first.Day - 1) / 7) + 1}{day};COUNT={count}",
            _ => (CustomRule ?? "").Trim(),
        };
    }
}
