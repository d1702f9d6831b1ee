using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Web.Downloads;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;

/// <summary>
/// Downloads of the dashboard's views — every drill-down, the per-class list, the can-do goals and the individual
/// responses — as CSV (UTF-8 with BOM, for Excel) or .xlsx. The tables are the ones the screen shows.
/// </summary>
public sealed class ExportModel(AppDbContext db, SurveyStatistics statistics, TimeProvider clock, ReportDownloads downloads) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true)] public string? View { get; set; }

    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var fiscalYear = DashboardYear.Resolve(Year, clock);
        var csv = Format is null or "csv";
        if (!csv && Format != "xlsx") return BadRequest("形式は csv か xlsx を指定してください。");
        var sessions = statistics.SessionsOf(fiscalYear);
        var year = FiscalYear.Name(fiscalYear);

        if (View == "responses")
        {
            var name = $"アンケート回答_{year}";
            if (csv)
            {
                await downloads.StartCsvAsync(Response, name, ct);
                await ReportExport.WriteCsvAsync(Response.Body, SurveyTables.ResponseColumns, SurveyTables.ResponsesAsync(db, sessions, ct), ct);
                return new EmptyResult();
            }
            var rows = new List<IReadOnlyList<object?>>();
            await foreach (var row in SurveyTables.ResponsesAsync(db, sessions, ct)) rows.Add(row);
            return await downloads.XlsxAsync(Response, name, ct, new ReportTable($"回答（{year}）", SurveyTables.ResponseColumns, rows));
        }

        ReportTable? table = View switch
        {
            "sessions" => SurveyTables.Sessions(await statistics.SessionFiguresAsync(sessions, ct), fiscalYear),
            "cando" => SurveyTables.CanDo(await statistics.CanDoAsync(sessions, ct), fiscalYear),
            "extra" => SurveyTables.Extra(await statistics.ExtraAsync(sessions, ct), fiscalYear),
            _ when Enum.TryParse<BreakdownDimension>(View, ignoreCase: true, out var d) && Enum.IsDefined(d) && !int.TryParse(View, out _) =>
                await BreakdownModel.TableAsync(statistics, fiscalYear, d, ct),
            _ => null,
        };
        if (table is null) return NotFound();
        var fileName = $"理解度_{table.Title}";
        return csv ? await downloads.CsvAsync(Response, table, fileName, ct) : await downloads.XlsxAsync(Response, fileName, ct, table);
    }
}
