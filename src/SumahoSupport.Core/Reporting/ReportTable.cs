using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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
    /// <summary>
    /// A file name safe on every OS: 「理解度_講座別（令和8年度）」 becomes 「理解度_講座別_令和8年度.csv」 — each run of other
    /// characters one underscore, none at either end.
    /// </summary>
    public static string FileName(string name, string extension) =>
        System.Text.RegularExpressions.Regex.Replace(name, @"[^\p{L}\p{Nd}\-]+", "_").Trim('_') + "." + extension;

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

    /// <summary>
    /// One worksheet per table, a bold frozen header row, numbers as numbers and percentages as percentages. Written
    /// with the Open XML SDK, row by row; text is an inline string, so a comment that starts with = is never a formula.
    /// </summary>
    public static void WriteXlsx(Stream output, params IReadOnlyList<ReportTable> tables)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Stylesheet();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint sheetId = 1;
        foreach (var table in tables)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { WorkbookViewId = 0U, TabSelected = sheetId == 1 }));
                writer.WriteStartElement(new Columns());
                for (var c = 0; c < table.Columns.Count; c++)
                    writer.WriteElement(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = c == 0 ? 36 : 14, CustomWidth = true });
                writer.WriteEndElement();
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, table.Columns.Cast<object?>().ToList(), header: true);
                for (var r = 0; r < table.Rows.Count; r++) WriteRow(writer, (uint)r + 2, table.Rows[r], header: false);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(table.Title, names) });
        }
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, uint row, IReadOnlyList<object?> cells, bool header)
    {
        writer.WriteStartElement(new Row { RowIndex = row });
        for (var c = 0; c < cells.Count; c++)
        {
            var reference = XlsxStyles.ColumnName(c) + row.ToString(CultureInfo.InvariantCulture);
            var cell = cells[c] switch
            {
                null => null,
                int i => Number(i),
                long l => Number(l),
                double d => Number(d),
                Percent p => Number(p.Value, XlsxStyles.Percent),
                DateTime dt => Number(dt.ToOADate(), XlsxStyles.DateTime),
                DateOnly d => Number(d.ToDateTime(TimeOnly.MinValue).ToOADate(), XlsxStyles.Date),
                var other => new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(ReportTable.Text(other)) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    DataType = CellValues.InlineString,
                    StyleIndex = header ? XlsxStyles.Bold : null,
                },
            };
            if (cell is null) continue;
            cell.CellReference = reference;
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell Number(double value, uint? style = null) =>
        new(new CellValue(value.ToString("R", CultureInfo.InvariantCulture))) { StyleIndex = style };

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name, and each must be unique.</summary>
    private static string SheetName(string title, HashSet<string> taken)
    {
        var name = new string(title.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0).ToArray());
        name = name.Length > 28 ? name[..28] : name;
        if (name.Length == 0) name = "Sheet";
        var unique = name;
        for (var i = 2; !taken.Add(unique); i++) unique = $"{name}{i}";
        return unique;
    }
}

/// <summary>The few cell formats the exports use, by their index in the workbook's stylesheet.</summary>
internal static class XlsxStyles
{
    public const uint Bold = 1;
    public const uint Percent = 2;
    public const uint DateTime = 3;
    public const uint Date = 4;

    public static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy/mm/dd hh:mm" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy/mm/dd" }) { Count = 3 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true }) { Count = 5 });

    /// <summary>A, B, … Z, AA, AB, …</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }
}
