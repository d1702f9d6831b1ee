using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Areas.Coordinator.Pages;

/// <summary>
/// 理解度ダッシュボード: the fiscal year's understanding rate against the city's target, how sure that number is
/// (Wilson 95%), how many attendees answered, and which classes fell short. Everything is counted in SQL.
/// </summary>
public sealed class DashboardModel(SurveyStatistics statistics, IOptions<SurveyOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    public int FiscalYearShown { get; private set; }

    public double Target => options.Value.TargetRate;

    public UnderstandingRate Rate { get; private set; } = new(0, 0);

    public int Responses { get; private set; }

    public int Attendees { get; private set; }

    public IReadOnlyList<Shortfall> BelowTarget { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FiscalYearShown = Year is >= 2000 and <= 2100 ? Year.Value : FiscalYear.Of(JapaneseTime.TodayInTokyo(clock));
        var sessions = statistics.SessionsOf(FiscalYearShown);
        Rate = await statistics.UnderstandingAsync(sessions, ct);
        (Responses, Attendees) = await statistics.ResponseCountsAsync(sessions, ct);

        var bySession = await statistics.BySessionAsync(sessions, ct);
        var below = bySession.Where(s => !s.Value.MeetsTarget(Target)).Select(s => s.Key).ToList();
        var details = await sessions.Where(s => below.Contains(s.Id))
            .Select(s => new { s.Id, s.Course.Title, VenueName = s.Venue.Name, s.StartsAtUtc, s.EndsAtUtc })
            .ToListAsync(ct);
        BelowTarget = details.OrderBy(d => d.StartsAtUtc)
            .Select(d => new Shortfall(d.Id, d.Title, d.VenueName, d.StartsAtUtc, d.EndsAtUtc, bySession[d.Id]))
            .ToList();
        return Page();
    }

    /// <summary>「88.9%」</summary>
    public static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public sealed record Shortfall(int SessionId, string Title, string VenueName, DateTime StartsAtUtc, DateTime EndsAtUtc, UnderstandingRate Rate);
}
