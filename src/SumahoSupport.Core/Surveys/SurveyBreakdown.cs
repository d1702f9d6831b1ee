using System.Globalization;

namespace SumahoSupport.Core.Surveys;

/// <summary>The ways the dashboard drills down into the understanding rate.</summary>
public enum BreakdownDimension
{
    Course,
    Topic,
    Venue,
    Lecturer,
    Month,
    AgeBand,
    Device,
}

/// <summary>
/// One line of a drill-down: the classes it covers, attendees (null where the line is about respondents, whose
/// attendance is not known), forms received, the understanding rate, and Q4 「相談できる人がいない」.
/// </summary>
public sealed record BreakdownRow(string Label, int Sessions, int? Attendees, int Responses, UnderstandingRate Rate, int NoOneToAsk, int AskAnswered)
{
    public double? ResponseRate => Attendees is > 0 ? (double)Responses / Attendees : null;

    public double? NoOneToAskShare => AskAnswered == 0 ? null : (double)NoOneToAsk / AskAnswered;
}

/// <summary>Rolls the per-class figures (already counted in SQL) up into one line per course, venue, month….</summary>
public static class SurveyBreakdown
{
    public const string NoLecturer = "（講師未登録）";

    public static bool IsPerClass(BreakdownDimension dimension) =>
        dimension is not (BreakdownDimension.AgeBand or BreakdownDimension.Device);

    public static IReadOnlyList<BreakdownRow> ByClass(IEnumerable<SessionFigures> sessions, BreakdownDimension dimension)
    {
        if (!IsPerClass(dimension)) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "年代 and 端末 are counted per respondent.");
        var groups = sessions.GroupBy(s => KeyOf(s, dimension));
        var ordered = dimension == BreakdownDimension.Month
            ? groups.OrderBy(g => g.First().Month)
            : groups.OrderBy(g => g.Key, StringComparer.Ordinal);
        return ordered.Select(g => Total(dimension == BreakdownDimension.Month ? MonthLabel(g.First().Month) : g.Key, g.ToList())).ToList();
    }

    /// <summary>The sum of a set of classes as one line.</summary>
    public static BreakdownRow Total(string label, IReadOnlyCollection<SessionFigures> sessions) => new(
        label, sessions.Count, sessions.Sum(s => s.Attendees), sessions.Sum(s => s.Responses),
        new UnderstandingRate(sessions.Sum(s => s.Rate.Understood), sessions.Sum(s => s.Rate.Answers)),
        sessions.Sum(s => s.NoOneToAsk), sessions.Sum(s => s.AskAnswered));

    /// <summary>「2026年4月」</summary>
    public static string MonthLabel(DateOnly month) => month.ToString("yyyy年M月", CultureInfo.InvariantCulture);

    private static string KeyOf(SessionFigures s, BreakdownDimension dimension) => dimension switch
    {
        BreakdownDimension.Course => s.Course,
        BreakdownDimension.Topic => s.Topic,
        BreakdownDimension.Venue => s.Venue,
        BreakdownDimension.Lecturer => s.Lecturer ?? NoLecturer,
        _ => s.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };
}
