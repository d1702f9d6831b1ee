using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;

namespace SumahoSupport.Core.Consultations;

/// <summary>
/// The days a consultation schedule is open: its weekdays, or an iCalendar RRULE (RFC 5545) for what weekdays cannot say,
/// such as 毎月第2火曜 (<c>FREQ=MONTHLY;BYDAY=2TU</c>) or 隔週水曜 (<c>FREQ=WEEKLY;INTERVAL=2;BYDAY=WE</c>). Ical.Net
/// evaluates the rule; the time of day always comes from the schedule's window.
/// </summary>
public static class ConsultationRecurrence
{
    public const int MaxLength = 200;

    /// <summary>What is wrong with a rule a coordinator typed, in Japanese; null when it can be used.</summary>
    public static string? Problem(string rule, DateOnly firstDate, DateOnly lastDate)
    {
        if (rule.Length > MaxLength) return $"繰り返しのルールは{MaxLength}文字以内で入力してください。";
        RecurrencePattern pattern;
        try
        {
            pattern = Parse(rule);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return "繰り返しのルールを読み取れませんでした。例: FREQ=MONTHLY;BYDAY=2TU（毎月第2火曜）";
        }
        if (pattern.Frequency is not (FrequencyType.Daily or FrequencyType.Weekly or FrequencyType.Monthly or FrequencyType.Yearly)
            || pattern.ByHour.Count > 0 || pattern.ByMinute.Count > 0 || pattern.BySecond.Count > 0)
            return "繰り返しは日・週・月・年の単位で指定してください（時刻は「始まりの時刻」「終わりの時刻」で決めます）。";
        return Dates(rule, firstDate, firstDate, lastDate).Any() ? null : "このルールでは、始まりの日から終わりの日までに相談日がありません。";
    }

    /// <summary>The days of <paramref name="schedule"/> between two dates (both included), before holidays are taken out.</summary>
    public static IEnumerable<DateOnly> DaysOf(ConsultationSchedule schedule, DateOnly from, DateOnly to)
    {
        var first = from > schedule.FirstDate ? from : schedule.FirstDate;
        var last = to < schedule.LastDate ? to : schedule.LastDate;
        if (schedule.RecurrenceRule is { } rule) return Dates(rule, schedule.FirstDate, first, last);
        return Enumerable.Range(0, Math.Max(0, last.DayNumber - first.DayNumber + 1)).Select(first.AddDays)
            .Where(date => (schedule.Weekdays & (1 << (int)date.DayOfWeek)) != 0);
    }

    /// <summary>The next few days of a schedule from <paramref name="from"/>, for the coordinator's list.</summary>
    public static IReadOnlyList<DateOnly> NextDays(ConsultationSchedule schedule, DateOnly from, int count) =>
        [.. DaysOf(schedule, from, schedule.LastDate).Take(count)];

    private static IEnumerable<DateOnly> Dates(string rule, DateOnly start, DateOnly from, DateOnly to)
    {
        var occurrence = new CalendarEvent { Start = new CalDateTime(start) };
        occurrence.RecurrenceRule = Parse(rule);
        using var dates = occurrence.GetOccurrences(new CalDateTime(from)).Select(o => o.Period.StartTime.Date).GetEnumerator();
        while (true)
        {
            try
            {
                // A rule with no further day (e.g. 2月30日) runs to the end of the calendar; Ical.Net stops it there.
                if (!dates.MoveNext()) yield break;
            }
            catch (EvaluationOutOfRangeException)
            {
                yield break;
            }
            if (dates.Current > to) yield break;
            yield return dates.Current;
        }
    }

    private static RecurrencePattern Parse(string rule) =>
        new(rule.Trim().StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) ? rule.Trim()[6..] : rule.Trim());
}
