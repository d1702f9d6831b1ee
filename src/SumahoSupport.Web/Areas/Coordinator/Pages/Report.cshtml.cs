using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;

namespace SumahoSupport.Web.Areas.Coordinator.Pages;

/// <summary>実績報告: one printable A4 page of the fiscal year's figures for the council and the national program.</summary>
public sealed class ReportModel(AnnualReport report, IOptions<SurveyOptions> options, TimeProvider clock, Downloads.ReportDownloads downloads) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    public AnnualFigures Figures { get; private set; } = default!;

    public double Target => options.Value.TargetRate;

    public DateOnly PreparedOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Figures = await report.ForAsync(DashboardYear.Resolve(Year, clock), ct);
        PreparedOn = Core.Text.JapaneseTime.TodayInTokyo(clock);
        return Page();
    }

    /// <summary>
    /// The report's tables as files: one as CSV or Excel (<paramref name="table"/>), or every table of the report as the
    /// sheets of one Excel workbook (no table named) — the figures the page shows, in the same rows.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        Figures = await report.ForAsync(DashboardYear.Resolve(Year, clock), ct);
        var all = Tables(Figures);
        if (table is not null && !all.ContainsKey(table)) return NotFound();
        var name = $"実績報告_{FiscalYear.Name(Figures.FiscalYear)}" + (table is null ? "" : $"_{all[table].Title}");
        IReadOnlyList<ReportTable> chosen = table is null ? [.. all.Values] : [all[table]];
        return await downloads.RequestedAsync(Response, format, name, () => Task.FromResult(chosen), ct)
            ?? BadRequest("形式は csv か xlsx を指定してください。");
    }

    /// <summary>Every table of the report, by the key its download link uses.</summary>
    public static IReadOnlyDictionary<string, ReportTable> Tables(AnnualFigures figures) => new Dictionary<string, ReportTable>(StringComparer.Ordinal)
    {
        ["by-course"] = SurveyTables.Breakdown(BreakdownDimension.Course, figures.ByCourse, figures.FiscalYear),
        ["by-month"] = SurveyTables.Breakdown(BreakdownDimension.Month, figures.ByMonth, figures.FiscalYear),
        ["sizes"] = figures.Scale.Sizes,
        ["by-level"] = figures.Scale.ByLevel,
        ["staffing"] = figures.Scale.Staffing,
    };

    public string ExportUrl(string table) => $"/Coordinator/Report?fy={Figures.FiscalYear}&handler=Export&table={table}";
}
