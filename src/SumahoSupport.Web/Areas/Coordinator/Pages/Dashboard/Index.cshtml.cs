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
public sealed class IndexModel(SurveyStatistics statistics, IOptions<SurveyOptions> options, TimeProvider clock) : PageModel
{
    /// <summary>Comments shown per class below target; the export has all of them.</summary>
    private const int CommentsPerClass = 5;

    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    public int FiscalYearShown { get; private set; }

    public double Target => options.Value.TargetRate;

    public BreakdownRow Total { get; private set; } = default!;

    public UnderstandingRate Rate => Total.Rate;

    public IReadOnlyList<BreakdownRow> Months { get; private set; } = [];

    public ReportTable MonthTable { get; private set; } = default!;

    public ReportTable VenueTable { get; private set; } = default!;

    public ReportTable CanDoTable { get; private set; } = default!;

    public IReadOnlyList<SessionFigures> BelowTarget { get; private set; } = [];

    public ILookup<int, string> Comments { get; private set; } = Array.Empty<string>().ToLookup(_ => 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FiscalYearShown = DashboardYear.Resolve(Year, clock);
        var sessions = statistics.SessionsOf(FiscalYearShown);
        var figures = await statistics.SessionFiguresAsync(sessions, ct);
        Total = SurveyBreakdown.Total("合計", figures.ToList());
        Months = SurveyBreakdown.ByClass(figures, BreakdownDimension.Month);
        MonthTable = SurveyTables.Breakdown(BreakdownDimension.Month, Months, FiscalYearShown);
        VenueTable = SurveyTables.Breakdown(BreakdownDimension.Venue, SurveyBreakdown.ByClass(figures, BreakdownDimension.Venue), FiscalYearShown);
        CanDoTable = SurveyTables.CanDo(await statistics.CanDoAsync(sessions, ct), FiscalYearShown);
        BelowTarget = figures.Where(f => f.Rate.Answers > 0 && !f.Rate.MeetsTarget(Target)).ToList();
        Comments = await statistics.CommentsAsync(BelowTarget.Select(b => b.SessionId).ToList(), CommentsPerClass, ct);
        return Page();
    }

    /// <summary>「88.9%」</summary>
    public static string Percent(double value) => new Percent(value).ToString();
}
