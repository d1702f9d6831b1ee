using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>Reads a downloaded workbook back the way Excel would: each cell's text or number and its number format.</summary>
public sealed class XlsxReader
{
    private XlsxReader(List<List<(string Text, string? Format)>> rows, List<string> errors) => (Rows, SchemaErrors) = (rows, errors);

    /// <summary>Where the file breaks the Office Open XML schema — anything here, Excel may refuse to open it.</summary>
    public IReadOnlyList<string> SchemaErrors { get; }

    /// <summary>The first sheet, row by row from row 1, blank cells as empty text.</summary>
    public IReadOnlyList<List<(string Text, string? Format)>> Rows { get; }

    public static XlsxReader FirstSheet(Stream xlsx)
    {
        using var copy = new MemoryStream();
        xlsx.CopyTo(copy);
        using var document = SpreadsheetDocument.Open(copy, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var cellFormats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var rows = new List<List<(string, string?)>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<(string, string?)>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column) cells.Add(("", null));
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                    : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.CellValue?.Text ?? "";
                var style = cell.StyleIndex?.Value is { } index && index < cellFormats.Count ? cellFormats[(int)index].NumberFormatId?.Value : null;
                cells.Add((text, style is { } id && formats.TryGetValue(id, out var code) ? code : null));
            }
            rows.Add(cells);
        }
        return new XlsxReader(rows, errors);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (c - 'A' + 1);
        return index - 1;
    }
}
