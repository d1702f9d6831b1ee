using System.Globalization;

namespace SumahoSupport.Core.Text;

/// <summary>
/// Converts the database's UTC times to Asia/Tokyo and writes them the way residents read dates:
/// 「2026年11月24日(火) 10:00〜12:00」, or in English (<see cref="Languages"/>) 「Tue 24 Nov 2026 10:00–12:00」.
/// Times stay Japan's in both: the class is in Japan whatever language the page is in.
/// </summary>
public static class JapaneseTime
{
    public static readonly TimeZoneInfo Tokyo = FindTokyo();

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private const string Weekdays = "日月火水木金土";

    public static DateTime ToTokyo(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Tokyo);

    public static DateTime ToUtc(DateTime tokyoLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(tokyoLocal, DateTimeKind.Unspecified), Tokyo);

    public static DateOnly TodayInTokyo(TimeProvider clock) => DateOnly.FromDateTime(ToTokyo(clock.GetUtcNow().UtcDateTime));

    /// <summary>The instant (UTC) the Tokyo day of <paramref name="utc"/> ends: the next midnight in Tokyo.</summary>
    public static DateTime EndOfTokyoDay(DateTime utc) => TokyoDayOf(utc).Until;

    /// <summary>The Tokyo day of <paramref name="utc"/> as UTC instants: from its midnight, until the next.</summary>
    public static (DateTime From, DateTime Until) TokyoDayOf(DateTime utc) => TokyoDay(DateOnly.FromDateTime(ToTokyo(utc)));

    /// <summary><paramref name="day"/> in Tokyo as UTC instants: from its midnight, until the next.</summary>
    public static (DateTime From, DateTime Until) TokyoDay(DateOnly day) =>
        (ToUtc(day.ToDateTime(TimeOnly.MinValue)), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    public static char WeekdayLetter(DayOfWeek day) => Weekdays[(int)day];

    /// <summary>「月曜日」, or 「Monday」 in English.</summary>
    public static string WeekdayName(DayOfWeek day) =>
        Languages.IsEnglish ? Languages.English.DateTimeFormat.GetDayName(day) : $"{WeekdayLetter(day)}曜日";

    /// <summary>「11月24日(火)」, or with the year 「2026年11月24日(火)」 (English: 「Tue 24 Nov」, 「Tue 24 Nov 2026」).</summary>
    public static string FormatDate(DateTime utc, bool withYear = false) => FormatDate(DateOnly.FromDateTime(ToTokyo(utc)), withYear);

    /// <summary>A calendar date (already Japan's), 「12月8日(火)」.</summary>
    public static string FormatDate(DateOnly date, bool withYear = false)
    {
        if (Languages.IsEnglish) return date.ToString(withYear ? "ddd d MMM yyyy" : "ddd d MMM", Languages.English);
        var text = string.Create(Invariant, $"{date.Month}月{date.Day}日({WeekdayLetter(date.DayOfWeek)})");
        return withYear ? string.Create(Invariant, $"{date.Year}年{text}") : text;
    }

    /// <summary>和暦 for certificates and forms: 「令和8年11月23日」 (元年 for an era's first year); in English 「23 November 2026」.</summary>
    public static string FormatWareki(DateTime utc)
    {
        var local = ToTokyo(utc);
        if (Languages.IsEnglish) return local.ToString("d MMMM yyyy", Languages.English);
        return string.Create(Invariant, $"{EraYear(local)}{local.Month}月{local.Day}日");
    }

    /// <summary>
    /// 「令和8年」「平成30年」「令和元年」: the era and year a calendar date falls in, from .NET's Japanese calendar (which
    /// knows every era from 明治, so a date before 2019 is never 「令和0年」). A date before 明治6年 is written in 西暦.
    /// </summary>
    public static string EraYear(DateTime date)
    {
        if (date < WarekiFormat.Calendar.MinSupportedDateTime) return string.Create(Invariant, $"{date.Year}年");
        var era = WarekiFormat.GetEraName(WarekiFormat.Calendar.GetEra(date));
        var year = WarekiFormat.Calendar.GetYear(date);
        return string.Create(Invariant, $"{era}{(year == 1 ? "元" : year.ToString(Invariant))}年");
    }

    private static readonly DateTimeFormatInfo WarekiFormat = NewWarekiFormat();

    private static DateTimeFormatInfo NewWarekiFormat()
    {
        var format = (DateTimeFormatInfo)CultureInfo.GetCultureInfo("ja-JP").DateTimeFormat.Clone();
        format.Calendar = new JapaneseCalendar();
        return DateTimeFormatInfo.ReadOnly(format);
    }

    /// <summary>「10:00」 in Tokyo time.</summary>
    public static string FormatTime(DateTime utc) => ToTokyo(utc).ToString("H:mm", Invariant);

    /// <summary>「11月24日(火) 10:00〜12:00」; a range over midnight keeps both dates.</summary>
    public static string FormatRange(DateTime startUtc, DateTime endUtc, bool withYear = false)
    {
        var start = ToTokyo(startUtc);
        var end = ToTokyo(endUtc);
        var endText = start.Date == end.Date ? FormatTime(endUtc) : $"{FormatDate(endUtc)} {FormatTime(endUtc)}";
        return $"{FormatDate(startUtc, withYear)} {FormatTime(startUtc)}{(Languages.IsEnglish ? "–" : "〜")}{endText}";
    }

    /// <summary>ISO 8601 with the +09:00 offset, for <c>&lt;time datetime&gt;</c>.</summary>
    public static string ToIsoTokyo(DateTime utc) =>
        new DateTimeOffset(ToTokyo(utc), Tokyo.BaseUtcOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", Invariant);

    private static TimeZoneInfo FindTokyo()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            // Japan has kept +09:00 without daylight saving since 1951, so a fixed zone is exact for our dates.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "日本標準時", "JST");
        }
    }
}
