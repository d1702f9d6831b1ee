using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Supporters;

/// <summary>
/// Volunteer hours against a hand-counted year: every class is 2 hours; only held, ended classes the supporter did not
/// miss count, in the fiscal year the class started in. Its own app, because the clock crosses into the next fiscal year.
/// </summary>
public sealed class VolunteerHoursTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Hours_CountHeldEndedClassesNotMissed_InTheFiscalYearTheyStarted()
    {
        // The hand count needs this year's classes (about ten hours of them) in one fiscal year: started on 31 March, it
        // moves into April first.
        var yearEnds = FiscalYear.UtcRange(FiscalYear.Of(JapaneseTime.TodayInTokyo(app.Clock))).UntilUtc;
        var untilYearEnds = yearEnds - app.Clock.GetUtcNow().UtcDateTime;
        if (untilYearEnds < TimeSpan.FromDays(1)) app.Clock.Advance(untilYearEnds + TimeSpan.FromHours(9));
        var supporter = await app.TraineeAsync(name: "時間 計子");
        await app.ClassWithAsync(supporter);
        await app.ClassWithAsync(supporter);
        var missed = await app.ClassWithAsync(supporter);
        var cancelled = await app.ClassWithAsync(supporter);
        await app.WithScopeAsync(s => s.GetRequiredService<ClassScheduleService>().CancelSessionAsync(cancelled, "講師の急病", default));
        app.Clock.Advance(TimeSpan.FromHours(10));
        await app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().SetAbsentAsync(missed, supporter, true, default));
        await app.ClassWithAsync(supporter); // not yet held
        var fiscalYear = FiscalYear.Of(JapaneseTime.TodayInTokyo(app.Clock));
        var hoursIn = (int year) => app.WithScopeAsync(async s => (await s.GetRequiredService<VolunteerHours>().ForYearAsync(year, default, supporter)).SingleOrDefault());

        // Hand count: the two worked classes = 2 classes, 240 minutes, 4.0 hours; missed, cancelled and upcoming add nothing.
        var hours = Assert.IsType<SupporterHours>(await hoursIn(fiscalYear));
        Assert.Equal((2, 0, 0, 240, 4.0), (hours.Classes, hours.LecturerClasses, hours.Consultations, hours.Minutes, hours.Hours));
        Assert.Null(await hoursIn(fiscalYear - 1));

        // Into the next fiscal year: the class that was ahead has been held and counts in this year; a class in the
        // new year counts there.
        var nextYearStarts = FiscalYear.UtcRange(fiscalYear + 1).FromUtc;
        app.Clock.Advance(nextYearStarts - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromDays(1));
        await app.ClassWithAsync(supporter, AssignmentRole.Assistant);
        app.Clock.Advance(TimeSpan.FromHours(10));
        Assert.Equal((3, 360), ((await hoursIn(fiscalYear))!.Classes, (await hoursIn(fiscalYear))!.Minutes));
        Assert.Equal((1, 120), ((await hoursIn(fiscalYear + 1))!.Classes, (await hoursIn(fiscalYear + 1))!.Minutes));

        // The coordinator's report lists the same figures, on screen and as CSV.
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var page = await coordinator.GetDocumentAsync($"/Coordinator/Supporters/Hours?fy={fiscalYear}");
        var row = page.QuerySelectorAll("#hours tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "時間 計子");
        Assert.Equal(["研修中", "3", "0", "0", "6"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        using var csv = await coordinator.GetAsync($"/Coordinator/Supporters/Hours?fy={fiscalYear}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF支援員,区分,担当した教室,うち講師,スマホ相談,活動時間（時間）\r\n", text, StringComparison.Ordinal);
        Assert.Contains("時間 計子,研修中,3,0,0,6\r\n", text, StringComparison.Ordinal);
        using var xlsx = await coordinator.GetAsync($"/Coordinator/Supporters/Hours?fy={fiscalYear}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var wrong = await coordinator.GetAsync($"/Coordinator/Supporters/Hours?fy={fiscalYear}&format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }
}
