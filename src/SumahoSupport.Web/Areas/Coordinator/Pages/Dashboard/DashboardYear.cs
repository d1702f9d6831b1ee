using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;

/// <summary>The fiscal year a dashboard page shows: the one asked for (?fy=2025), or the current one in Tokyo.</summary>
public static class DashboardYear
{
    public static int Resolve(int? asked, TimeProvider clock) =>
        asked is >= 2000 and <= 2100 ? asked.Value : FiscalYear.Of(JapaneseTime.TodayInTokyo(clock));
}
