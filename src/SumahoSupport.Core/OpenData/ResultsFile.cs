using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.OpenData;

/// <summary>
/// results.csv: what the classes and consultations achieved, per fiscal year, month and course (or topic) — with no person
/// in it. Every count of people under <see cref="Threshold"/> is published as 「非公表」 (<see cref="Withheld"/>), and so
/// is the smallest other cell of its year whenever one alone would be hidden: otherwise the year's total minus the cells
/// shown would give it back (<see cref="SmallCells"/>). The understanding rate and its Wilson interval are shown only
/// where their answers are. Built from the same figures as the 理解度ダッシュボード and the 相談の分析.
/// </summary>
public sealed class ResultsFile(AppDbContext db, SurveyStatistics statistics, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Header =
        ["区分", "年度", "月", "内容", "開催回数", "参加者数", "回答数", "理解度", "理解度の95%信頼区間の下限", "理解度の95%信頼区間の上限"];

    public const string Withheld = "非公表";

    /// <summary>Fewer people than this in a cell, and it is not published.</summary>
    public const int Threshold = 5;

    public const string Classes = "教室";
    public const string Consultations = "相談";
    public const string YearTotal = "年度計";
    public const string AllCourses = "全コース";
    public const string AllConsultations = "全体";

    public async Task<byte[]> BuildAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = new StringBuilder(ReportExport.CsvLine(Header));
        var firstClass = await db.ClassSessions.Where(s => s.StartsAtUtc <= now).MinAsync(s => (DateTime?)s.StartsAtUtc, ct);
        var firstLog = await db.SupportLogs.Where(l => l.HeldAtUtc <= now).MinAsync(l => (DateTime?)l.HeldAtUtc, ct);
        var first = new[] { firstClass, firstLog }.Where(d => d is not null).Min();
        if (first is not null)
        {
            for (var year = FiscalYear.OfUtc(first.Value); year <= FiscalYear.OfUtc(now); year++)
            {
                foreach (var row in ClassRows(year, await statistics.SessionFiguresAsync(statistics.SessionsOf(year), ct))) text.Append(ReportExport.CsvLine(row));
                foreach (var row in await ConsultationRowsAsync(year, now, ct)) text.Append(ReportExport.CsvLine(row));
            }
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static IEnumerable<IReadOnlyList<object?>> ClassRows(int year, IReadOnlyList<SessionFigures> figures)
    {
        if (figures.Count == 0) yield break;
        var cells = figures.GroupBy(f => (f.Month, f.Course)).OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Course, StringComparer.Ordinal)
            .Select(g => new Cell(Month(g.Key.Month), g.Key.Course, g.Count(), g.Sum(f => f.Attendees), Sum(g.Select(f => f.Rate))))
            .ToList();
        var total = new Cell(YearTotal, AllCourses, figures.Count, figures.Sum(f => f.Attendees), Sum(figures.Select(f => f.Rate)));
        var (attendees, attendeesTotal) = SmallCells([.. cells.Select(c => c.People)], total.People);
        var (answers, answersTotal) = SmallCells([.. cells.Select(c => c.Rate.Answers)], total.Rate.Answers);
        for (var i = 0; i < cells.Count; i++) yield return ClassRow(year, cells[i], attendees[i], answers[i]);
        yield return ClassRow(year, total, attendeesTotal, answersTotal);
    }

    private static IReadOnlyList<object?> ClassRow(int year, Cell cell, bool peopleShown, bool answersShown)
    {
        var interval = answersShown ? cell.Rate.Interval : null;
        return
        [
            Classes, year.ToString(CultureInfo.InvariantCulture), cell.Month, cell.Label, cell.Held.ToString(CultureInfo.InvariantCulture),
            Count(cell.People, peopleShown), Count(cell.Rate.Answers, answersShown),
            answersShown ? Share(cell.Rate.Rate) : Withheld, answersShown ? Share(interval?.Low) : Withheld, answersShown ? Share(interval?.High) : Withheld,
        ];
    }

    /// <summary>
    /// 相談記録 of the year by Japan-time month and topic: how many consultations touched each topic, and the year's
    /// consultations. A consultation about two topics counts in both, so the topics do not add up to the total.
    /// </summary>
    private async Task<IEnumerable<IReadOnlyList<object?>>> ConsultationRowsAsync(int year, DateTime now, CancellationToken ct)
    {
        var (from, until) = FiscalYear.UtcRange(year);
        var logs = await db.SupportLogs.AsNoTracking().Where(l => l.HeldAtUtc >= from && l.HeldAtUtc < until && l.HeldAtUtc <= now)
            .Select(l => new { l.HeldAtUtc, l.Topics }).ToListAsync(ct);
        if (logs.Count == 0) return [];
        var order = ConsultationTopics.All.Select((t, i) => (t.Code, i)).ToDictionary(t => t.Code, t => t.i);
        var cells = logs
            .SelectMany(l => ConsultationTopics.Parse(l.Topics).Select(topic => (Month: new DateOnly(JapaneseTime.ToTokyo(l.HeldAtUtc).Year, JapaneseTime.ToTokyo(l.HeldAtUtc).Month, 1), Topic: topic)))
            .CountBy(c => c).OrderBy(c => c.Key.Month).ThenBy(c => order.GetValueOrDefault(c.Key.Topic, int.MaxValue))
            .Select(c => (Month: Month(c.Key.Month), Label: ConsultationTopics.Label(c.Key.Topic), Count: c.Value))
            .ToList();
        var (shown, totalShown) = SmallCells([.. cells.Select(c => c.Count)], logs.Count);
        return cells.Select((c, i) => ConsultationRow(year, c.Month, c.Label, c.Count, shown[i]))
            .Append(ConsultationRow(year, YearTotal, AllConsultations, logs.Count, totalShown));
    }

    private static IReadOnlyList<object?> ConsultationRow(int year, string month, string label, int count, bool shown) =>
        [Consultations, year.ToString(CultureInfo.InvariantCulture), month, label, null, Count(count, shown), null, null, null, null];

    /// <summary>
    /// Which of a year's cells may be published, and whether its total may. A cell under <see cref="Threshold"/> people is
    /// withheld; when exactly one is, the smallest published one is withheld with it (or, with none left, the total), so
    /// that the total minus the published cells gives back nothing. Each cell is part of the total, never more, so a
    /// total under the threshold withholds every cell.
    /// </summary>
    public static (bool[] Cells, bool Total) SmallCells(IReadOnlyList<int> cells, int total)
    {
        var shown = cells.Select(c => c >= Threshold).ToArray();
        if (total < Threshold) return (new bool[cells.Count], false);
        if (shown.Count(s => !s) != 1) return (shown, true);
        var smallest = Enumerable.Range(0, cells.Count).Where(i => shown[i]).OrderBy(i => cells[i]).ThenByDescending(i => i).Cast<int?>().FirstOrDefault();
        if (smallest is null) return (shown, false);
        shown[smallest.Value] = false;
        return (shown, true);
    }

    private static UnderstandingRate Sum(IEnumerable<UnderstandingRate> rates)
    {
        var list = rates.ToList();
        return new UnderstandingRate(list.Sum(r => r.Understood), list.Sum(r => r.Answers));
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Count(int count, bool shown) => shown ? count.ToString(CultureInfo.InvariantCulture) : Withheld;

    private static string Share(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "";

    private sealed record Cell(string Month, string Label, int Held, int People, UnderstandingRate Rate);
}
