using Microsoft.AspNetCore.Mvc;
using SumahoSupport.Core.Reporting;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Shared;

/// <summary>Sends a report as a download: CSV (UTF-8 with BOM, streamed) or .xlsx, under its Japanese file name.</summary>
public static class ReportDownloads
{
    /// <summary>
    /// The download a report page was asked for with <c>?format=</c>: null when none (show the page), CSV for one table,
    /// one workbook for any number, 400 for anything else. The tables are only built when a download is asked for.
    /// </summary>
    public static async Task<IActionResult?> RequestedAsync(
        HttpResponse response, string? format, string name, Func<Task<IReadOnlyList<ReportTable>>> tables, CancellationToken ct)
    {
        if (format is null) return null;
        if (format is not ("csv" or "xlsx")) return new BadRequestObjectResult("形式は csv か xlsx を指定してください。");
        var built = await tables();
        if (format == "xlsx") return Xlsx(response, name, built);
        return built.Count == 1 ? await CsvAsync(response, built[0], name, ct) : new BadRequestObjectResult("CSVは表を1つ選んでください（table=months など）。");
    }

    /// <summary>Sets the headers of a CSV download; the caller then writes the rows to the response body.</summary>
    public static void StartCsv(HttpResponse response, string name)
    {
        response.ContentType = ReportExport.CsvContentType;
        response.Headers.ContentDisposition = Disposition(ReportTable.FileName(name, "csv"));
    }

    public static async Task<IActionResult> CsvAsync(HttpResponse response, ReportTable table, string name, CancellationToken ct)
    {
        StartCsv(response, name);
        await ReportExport.WriteCsvAsync(response.Body, table, ct);
        return new EmptyResult();
    }

    /// <summary>One workbook with a sheet per table.</summary>
    public static IActionResult Xlsx(HttpResponse response, string name, params IReadOnlyList<ReportTable> tables)
    {
        using var stream = new MemoryStream();
        ReportExport.WriteXlsx(stream, tables);
        response.Headers.ContentDisposition = Disposition(ReportTable.FileName(name, "xlsx"));
        return new FileContentResult(stream.ToArray(), ReportExport.XlsxContentType);
    }

    /// <summary>RFC 6266 with a UTF-8 file name, so the Japanese name survives every browser.</summary>
    private static string Disposition(string fileName) =>
        $"attachment; filename=\"export.{Path.GetExtension(fileName).TrimStart('.')}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
}
