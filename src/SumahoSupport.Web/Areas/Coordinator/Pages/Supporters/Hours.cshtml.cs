using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;
using SumahoSupport.Web.Downloads;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Supporters;

/// <summary>活動時間: each supporter's classes and hours in a fiscal year, on screen and as CSV / Excel.</summary>
public sealed class HoursModel(VolunteerHours hours, TimeProvider clock, ReportDownloads downloads) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public int FiscalYear { get; private set; }

    public ReportTableView Table { get; private set; } = default!;

    public double TotalHours { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FiscalYear = DashboardYear.Resolve(Year, clock);
        var rows = await hours.ForYearAsync(FiscalYear, ct);
        var table = VolunteerHours.Table(FiscalYear, rows);
        if (await downloads.RequestedAsync(Response, Format, table.Title, () => Task.FromResult<IReadOnlyList<ReportTable>>([table]), ct) is { } download)
            return download;
        TotalHours = Math.Round(rows.Sum(r => r.Minutes) / 60.0, 1, MidpointRounding.AwayFromZero);
        var pageUrl = $"/Coordinator/Supporters/Hours?fy={FiscalYear}";
        Table = new ReportTableView(table, "hours", pageUrl, Sort, pageUrl);
        return Page();
    }
}
