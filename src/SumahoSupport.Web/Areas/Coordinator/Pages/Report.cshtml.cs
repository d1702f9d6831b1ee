using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;

namespace SumahoSupport.Web.Areas.Coordinator.Pages;

/// <summary>実績報告: one printable A4 page of the fiscal year's figures for the council and the national program.</summary>
public sealed class ReportModel(AnnualReport report, IOptions<SurveyOptions> options, TimeProvider clock) : PageModel
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
}
