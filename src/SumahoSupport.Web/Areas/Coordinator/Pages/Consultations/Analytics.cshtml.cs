using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;
using SumahoSupport.Web.Downloads;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Consultations;

/// <summary>相談の分析: a fiscal year's consultations by month, place and topic, each table sortable and downloadable.</summary>
public sealed class AnalyticsModel(ConsultationAnalytics analytics, TimeProvider clock, ReportDownloads downloads) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    /// <summary>Which table a download is of: months, places, topics-months, topics-places; all of them in one workbook when absent.</summary>
    [BindProperty(SupportsGet = true)] public string? Table { get; set; }

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public ConsultationFigures Figures { get; private set; } = default!;

    public IReadOnlyList<ReportTableView> Views { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Figures = await analytics.ForYearAsync(DashboardYear.Resolve(Year, clock), ct);
        var pageUrl = $"/Coordinator/Consultations/Analytics?fy={Figures.FiscalYear}";
        var chosen = Figures.Tables.Where(t => Table is null || t.Key == Table).Select(t => t.Table).ToList();
        if (chosen.Count == 0) return NotFound();
        var name = chosen.Count == 1 ? chosen[0].Title : $"相談の分析_{Core.Surveys.FiscalYear.Name(Figures.FiscalYear)}";
        if (await downloads.RequestedAsync(Response, Format, name, () => Task.FromResult<IReadOnlyList<ReportTable>>(chosen), ct) is { } download)
            return download;
        Views = [.. Figures.Tables.Select(t => new ReportTableView(t.Table, t.Key, pageUrl, Sort, $"{pageUrl}&table={t.Key}"))];
        return Page();
    }
}
