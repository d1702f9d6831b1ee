using Microsoft.AspNetCore.Mvc;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;

namespace SumahoSupport.Web.Downloads;

/// <summary>
/// Sends a report as a download: CSV (UTF-8 with BOM, streamed) or .xlsx, under its Japanese file name. Every download
/// is an audit entry before its first byte is sent: files leave the app, and many carry names (docs/ARCHITECTURE.md,
/// "Personal data").
/// </summary>
public sealed class ReportDownloads(AuditLog audit, UnitOfWork work)
{
    /// <summary>
    /// The download a report page was asked for with <c>?format=</c>: null when none (show the page), CSV for one table,
    /// one workbook for any number, 400 for anything else. The tables are only built when a download is asked for.
    /// </summary>
    public async Task<IActionResult?> RequestedAsync(
        HttpResponse response, string? format, string name, Func<Task<IReadOnlyList<ReportTable>>> tables, CancellationToken ct)
    {
        if (format is null) return null;
        if (format is not ("csv" or "xlsx")) return new BadRequestObjectResult("形式は csv か xlsx を指定してください。");
        var built = await tables();
        if (format == "xlsx") return await XlsxAsync(response, name, ct, built);
        return built.Count == 1 ? await CsvAsync(response, built[0], name, ct) : new BadRequestObjectResult("CSVは表を1つ選んでください（table=months など）。");
    }

    /// <summary>Records the download and sets the headers of a CSV; the caller then writes the rows to the response body.</summary>
    public async Task StartCsvAsync(HttpResponse response, string name, CancellationToken ct)
    {
        var fileName = ReportTable.FileName(name, "csv");
        await RecordAsync(response, fileName, ct);
        response.ContentType = ReportExport.CsvContentType;
        response.Headers.ContentDisposition = Disposition(fileName);
    }

    public async Task<IActionResult> CsvAsync(HttpResponse response, ReportTable table, string name, CancellationToken ct)
    {
        await StartCsvAsync(response, name, ct);
        await ReportExport.WriteCsvAsync(response.Body, table, ct);
        return new EmptyResult();
    }

    /// <summary>One workbook with a sheet per table.</summary>
    public async Task<IActionResult> XlsxAsync(HttpResponse response, string name, CancellationToken ct, params IReadOnlyList<ReportTable> tables)
    {
        var fileName = ReportTable.FileName(name, "xlsx");
        using var stream = new MemoryStream();
        ReportExport.WriteXlsx(stream, tables);
        await RecordAsync(response, fileName, ct);
        response.Headers.ContentDisposition = Disposition(fileName);
        return new FileContentResult(stream.ToArray(), ReportExport.XlsxContentType);
    }

    private async Task RecordAsync(HttpResponse response, string fileName, CancellationToken ct)
    {
        await work.RunAsync(_ => audit.Record("report.exported", "Report", fileName, response.HttpContext.Request.Path + response.HttpContext.Request.QueryString), ct);
    }

    /// <summary>RFC 6266 with a UTF-8 file name, so the Japanese name survives every browser.</summary>
    private static string Disposition(string fileName) =>
        $"attachment; filename=\"export.{Path.GetExtension(fileName).TrimStart('.')}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
}
