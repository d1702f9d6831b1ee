namespace SumahoSupport.Core.Supporters;

/// <summary>A time a supporter can usually help every week, in Japan time.</summary>
public sealed class WeeklyAvailability
{
    public int Id { get; set; }
    public int SupporterId { get; set; }
    public DayOfWeek Weekday { get; set; }

    /// <summary>Minutes after midnight, Japan time.</summary>
    public int StartMinute { get; set; }

    public int EndMinute { get; set; }
}

/// <summary>休み: a day a supporter cannot help despite the weekly pattern.</summary>
public sealed class AvailabilityException
{
    public int Id { get; set; }
    public int SupporterId { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
}

/// <summary>The three parts of the day the availability form offers (午前・午後・夜).</summary>
public sealed record DayPart(string Name, int StartMinute, int EndMinute)
{
    public static readonly IReadOnlyList<DayPart> All =
    [
        new("午前", 9 * 60, 12 * 60),
        new("午後", 13 * 60, 17 * 60),
        new("夜", 18 * 60, 21 * 60),
    ];

    public string Hours => $"{StartMinute / 60}:{StartMinute % 60:00}〜{EndMinute / 60}:{EndMinute % 60:00}";
}
