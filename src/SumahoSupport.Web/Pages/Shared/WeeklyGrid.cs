using System.Globalization;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Pages.Shared;

/// <summary>
/// The week as checkboxes (月〜日 × 午前・午後・夜) on the application form and the availability page. Each box posts
/// 「weekday-part」; anything else posted is ignored. Without a field name it is shown read-only (○ / —).
/// </summary>
public sealed record WeeklyGrid(string? FieldName, IReadOnlySet<string> Checked)
{
    public bool IsReadOnly => string.IsNullOrEmpty(FieldName);

    /// <summary>Monday first, as Japanese calendars print the working week.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Key(DayOfWeek day, int part) => string.Create(CultureInfo.InvariantCulture, $"{(int)day}-{part}");

    /// <summary>
    /// The ticked parts as weekly slots. Neighbouring parts of one day become one slot (午前＋午後 is 9:00〜17:00), so a
    /// class over the lunch hour still fits someone who ticked both.
    /// </summary>
    public static List<WeeklySlot> Parse(IEnumerable<string> keys)
    {
        var ticked = keys.ToHashSet(StringComparer.Ordinal);
        var slots = new List<WeeklySlot>();
        foreach (var day in Days)
        {
            WeeklySlot? open = null;
            for (var i = 0; i < DayPart.All.Count; i++)
            {
                if (!ticked.Contains(Key(day, i)))
                {
                    if (open is not null) slots.Add(open);
                    open = null;
                    continue;
                }
                open = open is null ? new WeeklySlot(day, DayPart.All[i].StartMinute, DayPart.All[i].EndMinute) : open with { EndMinute = DayPart.All[i].EndMinute };
            }
            if (open is not null) slots.Add(open);
        }
        return slots;
    }

    public static HashSet<string> Keys(IEnumerable<WeeklySlot> slots) =>
        [.. Days.SelectMany(day => DayPart.All.Select((part, i) => (day, part, i)))
            .Where(x => slots.Any(s => s.Weekday == x.day && s.StartMinute <= x.part.StartMinute && s.EndMinute >= x.part.EndMinute))
            .Select(x => Key(x.day, x.i))];
}
