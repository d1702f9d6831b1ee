using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;

/// <summary>
/// 理解度ダッシュボード: the fiscal year's understanding rate against the city's target, how sure that number is
/// (Wilson 95%), how many attendees answered, the trend by month, the classes that fell short with what their
/// participants wrote, who has no one to ask by venue, and the can-do goals. Everything is counted in SQL.
/// </summary>
public sealed class IndexModel(SurveyStatistics statistics, SurveyFollowUpService followUps, IOptions<SurveyOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    public double Target => options.Value.TargetRate;

    public SurveyDashboard Data { get; private set; } = default!;

    public int FiscalYearShown => Data.FiscalYear;

    public FollowUpFigures FollowUps { get; private set; } = default!;

    public ReportTable MonthTable => SurveyTables.Breakdown(BreakdownDimension.Month, Data.Months, FiscalYearShown);

    public ReportTable VenueTable => SurveyTables.Breakdown(BreakdownDimension.Venue, Data.Venues, FiscalYearShown);

    public ReportTable CanDoTable => SurveyTables.CanDo(Data.CanDo, FiscalYearShown);

    public ReportTable ExtraTable => SurveyTables.Extra(Data.Extra, FiscalYearShown);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Data = await statistics.DashboardAsync(DashboardYear.Resolve(Year, clock), Target, ct);
        FollowUps = await followUps.FiguresAsync(Data.FiscalYear, ct);
        return Page();
    }

    /// <summary>「88.9%」</summary>
    public static string Percent(double value) => new Percent(value).ToString();
}
