using System.Globalization;
using SumahoSupport.Core.Reporting;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;

/// <summary>
/// A <see cref="ReportTable"/> on screen: every column heading is a link that sorts by it (on the server, so it works
/// without script), with aria-sort on the sorted column; the same table downloads as CSV or Excel.
/// One <c>sort</c> query value names the table it applies to — 「venues.5.desc」 — so a page can hold several tables.
/// </summary>
/// A table without a <c>PageUrl</c> (the printed 実績報告) is not sortable.
public sealed record ReportTableView(ReportTable Source, string Id, string? PageUrl, string? Sort, string? ExportUrl)
{
    public (int Column, bool Descending)? SortedBy
    {
        get
        {
            var parts = Sort?.Split('.');
            if (parts is not [var id, var column, var direction] || id != Id) return null;
            if (!int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c >= Source.Columns.Count) return null;
            return (c, direction == "desc");
        }
    }

    private bool[]? numeric;

    public ReportTable Table => SortedBy is { } s ? Source.SortedBy(s.Column, s.Descending) : Source;

    /// <summary>Whether a column holds numbers (aligned right), worked out once per table rather than per cell.</summary>
    public bool IsNumeric(int column) => (numeric ??= Enumerable.Range(0, Source.Columns.Count).Select(Source.IsNumeric).ToArray())[column];

    /// <summary>The link a heading sorts by: descending first for numbers (largest first), then the other way.</summary>
    public string? SortLink(int column)
    {
        if (PageUrl is null) return null;
        var descending = SortedBy is { } s && s.Column == column ? !s.Descending : IsNumeric(column);
        var separator = PageUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{PageUrl}{separator}sort={Id}.{column.ToString(CultureInfo.InvariantCulture)}.{(descending ? "desc" : "asc")}#{Id}";
    }

    public string? AriaSort(int column) => SortedBy is { } s && s.Column == column ? (s.Descending ? "descending" : "ascending") : null;

    public static string Display(object? cell) => cell switch
    {
        DateTime d => d.ToString("yyyy/M/d H:mm", CultureInfo.InvariantCulture),
        _ => ReportTable.Text(cell),
    };
}
