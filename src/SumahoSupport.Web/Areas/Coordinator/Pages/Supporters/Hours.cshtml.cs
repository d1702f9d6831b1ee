using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;
using SumahoSupport.Web.Areas.Coordinator.Pages.Shared;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Supporters;

/// <summary>活動時間: each supporter's classes and hours in a fiscal year, on screen and as CSV / Excel.</summary>
public sealed class HoursModel(VolunteerHours hours, TimeProvider clock) : PageModel
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
        var name = table.Title;
        switch (Format)
        {
            case null: break;
            case "csv": return await ReportDownloads.CsvAsync(Response, table, name, ct);
            case "xlsx": return ReportDownloads.Xlsx(Response, name, table);
            default: return BadRequest("形式は csv か xlsx を指定してください。");
        }
        TotalHours = Math.Round(rows.Sum(r => r.Minutes) / 60.0, 1, MidpointRounding.AwayFromZero);
        var pageUrl = $"/Coordinator/Supporters/Hours?fy={FiscalYear}";
        Table = new ReportTableView(table, "hours", pageUrl, Sort, pageUrl);
        return Page();
    }
}
