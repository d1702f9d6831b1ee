using System.Globalization;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;

/// <summary>
/// The monthly understanding rate as an SVG bar chart drawn on the server: no script, readable when printed, and
/// described in words for screen readers (the same figures are in the table beside it).
/// </summary>
public sealed class TrendChart(IReadOnlyList<BreakdownRow> months, double target)
{
    public const int Width = 720;
    public const int Height = 300;
    private const int Left = 56, Right = 16, Top = 16, Bottom = 48;

    public IReadOnlyList<Bar> Bars { get; } = Layout(months);

    public double TargetY => Y(target);

    public string TargetLabel => "目標 " + new Percent(target);

    /// <summary>「2026年4月 95.0%（20件）、2026年5月 回答なし…」 for the chart's description.</summary>
    public string Description => months.Count == 0
        ? "まだ回答がありません。"
        : string.Join("、", months.Select(m => m.Rate.Rate is { } r ? $"{m.Label} {new Percent(r)}（{m.Rate.Answers}件）" : $"{m.Label} 回答なし")) + "。" + TargetLabel + "。";

    private static readonly double[] GridRates = [0, 0.25, 0.5, 0.75, 1.0];

    /// <summary>Horizontal lines at 0%, 25% … 100%.</summary>
    public static IEnumerable<(double Y, string Label)> Gridlines =>
        GridRates.Select(v => (Y(v), (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%"));

    public static double PlotLeft => Left;

    public static double PlotRight => Width - Right;

    public static double Baseline => Height - Bottom;

    private static double Y(double rate) => Top + (1 - rate) * (Height - Top - Bottom);

    private static List<Bar> Layout(IReadOnlyList<BreakdownRow> months)
    {
        if (months.Count == 0) return [];
        var slot = (double)(Width - Left - Right) / months.Count;
        var width = Math.Min(48, slot * 0.6);
        return months.Select((m, i) =>
        {
            var x = Left + slot * i + (slot - width) / 2;
            var rate = m.Rate.Rate;
            var top = rate is { } r ? Y(r) : Baseline;
            // 「2026年4月」 → 「4月」 under the bar; the year is in the table.
            var shortLabel = m.Label[(m.Label.IndexOf('年', StringComparison.Ordinal) + 1)..];
            return new Bar(x, top, width, Baseline - top, shortLabel, rate is { } v ? new Percent(v).ToString() : "—");
        }).ToList();
    }

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public sealed record Bar(double X, double Y, double Width, double Height, string Label, string Value);
}
