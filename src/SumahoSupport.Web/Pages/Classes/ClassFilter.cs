using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Pages.Classes;

/// <summary>The resident's choices on /Classes; every one is optional.</summary>
public sealed class ClassFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? Venue { get; set; }

    /// <summary>地区, as the venues name it: every venue of the area.</summary>
    public string? Area { get; set; }
    public string? Topic { get; set; }
    public CourseLevel? Level { get; set; }

    /// <summary>A class for "any" phone suits both; one for iPhone does not suit an Android user.</summary>
    public TargetOs? Os { get; set; }

    /// <summary>
    /// 今週・来週・今月 as date ranges from <paramref name="today"/> (Tokyo): this week runs to Sunday, next week is Monday
    /// to Sunday, this month to its last day — one tap instead of two dates typed on a phone.
    /// </summary>
    public static IReadOnlyList<(string Label, DateOnly From, DateOnly To)> Shortcuts(DateOnly today)
    {
        var untilSunday = ((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7;
        var sunday = today.AddDays(untilSunday);
        return
        [
            ("今週", today, sunday),
            ("来週", sunday.AddDays(1), sunday.AddDays(7)),
            ("今月", today, new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month))),
        ];
    }

    /// <summary>The query of this filter with other dates, so a shortcut keeps the area, venue, topic, level and phone chosen.</summary>
    public Dictionary<string, string?> WithDates(DateOnly from, DateOnly to)
    {
        var query = Query();
        query["Filter.From"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        query["Filter.To"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return query;
    }

    /// <summary>The query of this filter in another area (null: every area), keeping the dates and the rest.</summary>
    public Dictionary<string, string?> WithArea(string? area)
    {
        var query = Query();
        query["Filter.Area"] = area;
        return query;
    }

    private Dictionary<string, string?> Query() => new()
    {
        ["Filter.From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Filter.To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Filter.Area"] = string.IsNullOrEmpty(Area) ? null : Area,
        ["Filter.Venue"] = Venue?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Filter.Topic"] = string.IsNullOrEmpty(Topic) ? null : Topic,
        ["Filter.Level"] = Level?.ToString(),
        ["Filter.Os"] = Os?.ToString(),
    };

    public bool IsEmpty => From is null && To is null && string.IsNullOrEmpty(Area) && Venue is null && string.IsNullOrEmpty(Topic) && Level is null && Os is null;

    public IQueryable<ClassSession> Apply(IQueryable<ClassSession> sessions)
    {
        if (From is { } from)
        {
            var fromUtc = JapaneseTime.TokyoDay(from).From;
            sessions = sessions.Where(s => s.StartsAtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var untilUtc = JapaneseTime.TokyoDay(to).Until;
            sessions = sessions.Where(s => s.StartsAtUtc < untilUtc);
        }
        if (!string.IsNullOrEmpty(Area)) sessions = sessions.Where(s => s.Venue.Area == Area);
        if (Venue is { } venue) sessions = sessions.Where(s => s.VenueId == venue);
        if (!string.IsNullOrEmpty(Topic)) sessions = sessions.Where(s => s.Course.Topic == Topic);
        if (Level is { } level) sessions = sessions.Where(s => s.Course.Level == level);
        if (Os is { } os and not TargetOs.Any) sessions = sessions.Where(s => s.Course.TargetOs == os || s.Course.TargetOs == TargetOs.Any);
        return sessions;
    }
}
