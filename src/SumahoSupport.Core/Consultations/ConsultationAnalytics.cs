using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Core.Consultations;

/// <summary>The year's consultations in one line: how many, how they ended, how long they took, what is still open.</summary>
public sealed record ConsultationSummary(int Total, int Booked, int WalkIns, int Resolved, Percent? ResolvedShare, double? AverageMinutes, int OpenFollowUps);

public sealed record ConsultationFigures(
    int FiscalYear, ConsultationSummary Summary, ReportTable ByMonth, ReportTable ByPlace, ReportTable TopicsByMonth, ReportTable TopicsByPlace)
{
    public IReadOnlyList<(string Key, ReportTable Table)> Tables =>
        [("months", ByMonth), ("places", ByPlace), ("topics-months", TopicsByMonth), ("topics-places", TopicsByPlace)];
}

/// <summary>
/// 相談の分析 for coordinators, from 相談記録 alone — which name no resident: what people struggle with by month and by
/// place, how often it was solved, how long it took, and the follow-ups still open. The database groups the year's logs
/// (by Japan-time month, place, topic set, result, walk-in and open follow-up), so only the groups are read, however many
/// logs a city keeps; the topic sets are split into topics afterwards.
/// </summary>
public sealed class ConsultationAnalytics(AppDbContext db)
{
    private const int TopTopics = 3;

    public async Task<ConsultationFigures> ForYearAsync(int fiscalYear, CancellationToken ct)
    {
        var (from, until) = FiscalYear.UtcRange(fiscalYear);
        var groups = await db.SupportLogs.AsNoTracking()
            .Where(l => l.HeldAtUtc >= from && l.HeldAtUtc < until)
            // Japan has no summer time: a Japan-time month is the UTC time nine hours on.
            .GroupBy(l => new
            {
                Month = l.HeldAtUtc.AddHours(9).Month, l.Mode, l.VenueId, l.Topics, l.Resolution,
                WalkIn = l.ConsultationBookingId == null, Open = l.FollowUpNeeded && l.FollowUpDoneAtUtc == null,
            })
            .Select(g => new Group(g.Key.Month, g.Key.Mode, g.Key.VenueId, g.Key.Topics, g.Key.Resolution, g.Key.WalkIn, g.Key.Open, g.Count(), g.Sum(l => l.Minutes)))
            .ToListAsync(ct);
        var venues = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        string PlaceOf(Group g) => g.VenueId is { } id && venues.TryGetValue(id, out var name) ? name : ConsultationLabels.Mode(g.Mode);
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(fiscalYear, 4, 1).AddMonths(i)).ToList();
        var places = groups.Select(PlaceOf).Distinct().Order(StringComparer.Ordinal).ToList();

        var byMonth = new ReportTable($"月別の相談（{FiscalYear.Name(fiscalYear)}）", Columns("月"),
            [.. months.Select(m => Row($"{m.Year}年{m.Month}月", groups.Where(g => g.Month == m.Month).ToList()))]);
        var byPlace = new ReportTable($"場所別の相談（{FiscalYear.Name(fiscalYear)}）", Columns("場所"),
            [.. places.Select(p => Row(p, groups.Where(g => PlaceOf(g) == p).ToList()))]);
        var topicsByMonth = TopicTable($"相談の内容・月別（{FiscalYear.Name(fiscalYear)}）",
            [.. months.Select(m => $"{m.Month}月")], groups, g => $"{g.Month}月");
        var topicsByPlace = TopicTable($"相談の内容・場所別（{FiscalYear.Name(fiscalYear)}）", places, groups, PlaceOf);

        var total = groups.Sum(g => g.Count);
        var resolved = groups.Where(g => g.Resolution == Resolution.Resolved).Sum(g => g.Count);
        var summary = new ConsultationSummary(
            total, groups.Where(g => !g.WalkIn).Sum(g => g.Count), groups.Where(g => g.WalkIn).Sum(g => g.Count), resolved,
            total == 0 ? null : new Percent((double)resolved / total), total == 0 ? null : Math.Round((double)groups.Sum(g => g.Minutes) / total, 1),
            groups.Where(g => g.Open).Sum(g => g.Count));
        return new ConsultationFigures(fiscalYear, summary, byMonth, byPlace, topicsByMonth, topicsByPlace);
    }

    private static string[] Columns(string first) =>
        [first, "相談件数", "予約あり", "予約なし（当日・飛び込み）", "解決した", "解決率", "平均時間（分）", "フォロー未対応", "多かった内容"];

    private static IReadOnlyList<object?> Row(string label, List<Group> groups)
    {
        var count = groups.Sum(g => g.Count);
        var resolved = groups.Where(g => g.Resolution == Resolution.Resolved).Sum(g => g.Count);
        var top = TopicCounts(groups).OrderByDescending(t => t.Value).ThenBy(t => Order(t.Key)).Take(TopTopics).Select(t => ConsultationTopics.Label(t.Key));
        return
        [
            label, count, groups.Where(g => !g.WalkIn).Sum(g => g.Count), groups.Where(g => g.WalkIn).Sum(g => g.Count), resolved,
            count == 0 ? null : new Percent((double)resolved / count),
            count == 0 ? null : Math.Round((double)groups.Sum(g => g.Minutes) / count, 1),
            groups.Where(g => g.Open).Sum(g => g.Count),
            count == 0 ? null : string.Join("・", top),
        ];
    }

    /// <summary>Topics down, <paramref name="columns"/> across, with a total; the most asked-about topic first.</summary>
    private static ReportTable TopicTable(string title, IReadOnlyList<string> columns, List<Group> groups, Func<Group, string> column)
    {
        var counts = groups.SelectMany(g => ConsultationTopics.Parse(g.Topics).Select(t => (Topic: t, Column: column(g), g.Count)))
            .GroupBy(x => (x.Topic, x.Column)).ToDictionary(x => x.Key, x => x.Sum(y => y.Count));
        var rows = ConsultationTopics.All
            .Select(t => (Label: t.Label, Cells: columns.Select(c => counts.GetValueOrDefault((t.Code, c))).ToList()))
            .OrderByDescending(r => r.Cells.Sum())
            .Select(r => (IReadOnlyList<object?>)[r.Label, .. r.Cells.Cast<object?>(), r.Cells.Sum()])
            .ToList();
        return new ReportTable(title, ["内容", .. columns, "合計"], rows);
    }

    private static Dictionary<string, int> TopicCounts(IEnumerable<Group> groups) =>
        groups.SelectMany(g => ConsultationTopics.Parse(g.Topics).Select(t => (t, g.Count)))
            .GroupBy(x => x.t).ToDictionary(x => x.Key, x => x.Sum(y => y.Count));

    /// <summary>Ties in the top topics keep the chips' order, so the same data always reads the same.</summary>
    private static int Order(string code) => ConsultationTopics.All.Select(t => t.Code).ToList().IndexOf(code);

    private sealed record Group(int Month, ConsultationMode Mode, int? VenueId, string Topics, Resolution Resolution, bool WalkIn, bool Open, int Count, int Minutes);
}
