using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace SumahoSupport.Core.Reporting;

/// <summary>A percentage to show as 「88.9%」 and to export as a number Excel formats as a percentage.</summary>
public readonly record struct Percent(double Value)
{
    public override string ToString() => (Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// One table of figures as the screen shows it, so the page, the CSV and the Excel file can never disagree: the same
/// columns, the same rows, the same order. Cells are strings, whole numbers, <see cref="Percent"/>, dates or null.
/// </summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>A file name safe on every OS: 「理解度_講座別_2026年度.csv」.</summary>
    public static string FileName(string name, string extension) =>
        new string(name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray()) + "." + extension;

    /// <summary>The rows ordered by one column — numbers as numbers, text in code-point order, blanks always last.</summary>
    public ReportTable SortedBy(int column, bool descending)
    {
        if (column < 0 || column >= Columns.Count) return this;
        var filled = Rows.Where(r => r[column] is not null);
        var sorted = descending ? filled.OrderByDescending(r => r[column], CellComparer.Instance) : filled.OrderBy(r => r[column], CellComparer.Instance);
        return this with { Rows = sorted.Concat(Rows.Where(r => r[column] is null)).ToList() };
    }

    /// <summary>Whether a column holds numbers, so the screen aligns it to the right.</summary>
    public bool IsNumeric(int column) => Rows.Select(r => r[column]).FirstOrDefault(c => c is not null) is int or long or double or Percent;

    public static string Text(object? cell) => cell switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}

internal sealed class CellComparer : IComparer<object?>
{
    public static readonly CellComparer Instance = new();

    public int Compare(object? x, object? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ when Number(x) is { } a && Number(y) is { } b => a.CompareTo(b),
        (DateTime a, DateTime b) => a.CompareTo(b),
        _ => string.CompareOrdinal(ReportTable.Text(x), ReportTable.Text(y)),
    };

    private static double? Number(object? cell) => cell switch
    {
        int i => i,
        long l => l,
        double d => d,
        Percent p => p.Value,
        _ => null,
    };
}

public static class ReportExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>UTF-8 with a byte-order mark, which is what makes Excel on a city PC read Japanese correctly.</summary>
    public static readonly Encoding CsvEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, CsvEncoding, bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvLine(columns.Cast<object?>()).AsMemory(), ct);
        await foreach (var row in rows.WithCancellation(ct))
            await writer.WriteAsync(CsvLine(row).AsMemory(), ct);
    }

    /// <summary>
    /// One RFC 4180 line (CRLF): a field with a comma, quote or line break is quoted. Text that Excel would run as a
    /// formula (=, +, -, @ first) gets a leading apostrophe, so a comment like 「=HYPERLINK(…)」 stays a comment.
    /// </summary>
    public static string CsvLine(IEnumerable<object?> cells)
    {
        var line = new StringBuilder();
        foreach (var cell in cells)
        {
            if (line.Length > 0) line.Append(',');
            var text = ReportTable.Text(cell);
            if (cell is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0) line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else line.Append(text);
        }
        return line.Append("\r\n").ToString();
    }

    public static Task WriteCsvAsync(Stream output, ReportTable table, CancellationToken ct) =>
        WriteCsvAsync(output, table.Columns, table.Rows.ToAsyncEnumerable(), ct);

    /// <summary>One worksheet per table, a bold frozen header row, numbers as numbers and percentages as percentages.</summary>
    public static void WriteXlsx(Stream output, params IReadOnlyList<ReportTable> tables)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(SheetName(table.Title, workbook));
            for (var c = 0; c < table.Columns.Count; c++)
            {
                sheet.Cell(1, c + 1).Value = table.Columns[c];
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
                sheet.Column(c + 1).Width = c == 0 ? 36 : 14;
            }
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    var cell = sheet.Cell(r + 2, c + 1);
                    switch (table.Rows[r][c])
                    {
                        case null: break;
                        case int i: cell.Value = i; break;
                        case long l: cell.Value = l; break;
                        case double d: cell.Value = d; break;
                        case Percent p: cell.Value = p.Value; cell.Style.NumberFormat.Format = "0.0%"; break;
                        case DateTime dt: cell.Value = dt; cell.Style.NumberFormat.Format = "yyyy/mm/dd hh:mm"; break;
                        case DateOnly d: cell.Value = d.ToDateTime(TimeOnly.MinValue); cell.Style.NumberFormat.Format = "yyyy/mm/dd"; break;
                        // Text stays text: a comment that starts with = is not a formula.
                        case var other: cell.SetValue(ReportTable.Text(other)); cell.DataType = XLDataType.Text; break;
                    }
                }
            }
            sheet.SheetView.FreezeRows(1);
        }
        workbook.SaveAs(output);
    }

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name, and each must be unique.</summary>
    private static string SheetName(string title, XLWorkbook workbook)
    {
        var name = new string(title.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0).ToArray());
        name = name.Length > 28 ? name[..28] : name;
        var unique = name;
        for (var i = 2; workbook.Worksheets.Contains(unique); i++) unique = $"{name}{i}";
        return unique.Length == 0 ? "Sheet" : unique;
    }
}
