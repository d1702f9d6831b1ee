using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;

/// <summary>理解度の内訳: the fiscal year's understanding rate by course, topic, venue, 講師, month, age band or device.</summary>
public sealed class BreakdownModel(SurveyStatistics statistics, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "by")] public string? By { get; set; }

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public int FiscalYearShown { get; private set; }

    public BreakdownDimension Dimension { get; private set; }

    public ReportTable Table { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FiscalYearShown = DashboardYear.Resolve(Year, clock);
        Dimension = Enum.TryParse<BreakdownDimension>(By, ignoreCase: true, out var d) && Enum.IsDefined(d) ? d : BreakdownDimension.Course;
        Table = await TableAsync(statistics, FiscalYearShown, Dimension, ct);
        return Page();
    }

    /// <summary>One drill-down as a table: per-class dimensions roll up the per-class figures; 年代 and 端末 are counted per respondent.</summary>
    public static async Task<ReportTable> TableAsync(SurveyStatistics statistics, int fiscalYear, BreakdownDimension dimension, CancellationToken ct)
    {
        var sessions = statistics.SessionsOf(fiscalYear);
        var rows = SurveyBreakdown.IsPerClass(dimension)
            ? SurveyBreakdown.ByClass(await statistics.SessionFiguresAsync(sessions, ct), dimension)
            : await statistics.ByRespondentAsync(sessions, dimension, ct);
        return SurveyTables.Breakdown(dimension, rows, fiscalYear);
    }
}
