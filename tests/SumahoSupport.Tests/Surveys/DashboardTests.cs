using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>The dashboard against a hand-counted class; it moves the clock, so it has its own database.</summary>
public sealed class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Dashboard_ShowsTheYearsRateAgainstTheTarget_AndTheClassThatFellShort()
    {
        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var empty = await client.GetDocumentAsync("/Coordinator/Dashboard");
        Assert.Equal("この年度のアンケートの回答はまだありません。", empty.QuerySelector("#rate-value")!.TextContent);

        // Three attend; they answer よく, よく, 理解できなかった: 2 of 3 = 66.7%, Wilson [20.8%, 93.9%].
        var session = await app.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromHours(2));
        var codes = new List<string>();
        for (var i = 0; i < 3; i++) codes.Add(Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident())).Code);
        app.Clock.Advance(TimeSpan.FromHours(5));
        foreach (var code in codes) await app.WithBookingsAsync(b => b.RecordAttendanceAsync(code, true, default));
        var tokens = await app.WithDbAsync(db => db.Bookings.Where(b => b.ClassSessionId == session).OrderBy(b => b.Id).Select(b => b.SurveyToken!).ToListAsync());
        Understanding[] answers = [Understanding.WellUnderstood, Understanding.WellUnderstood, Understanding.DidNotUnderstand];
        for (var i = 0; i < 3; i++)
            await app.WithScopeAsync(s => s.GetRequiredService<SurveyService>().SubmitAsync(tokens[i],
                new SurveyAnswers(answers[i], null, null, null, new Dictionary<int, CanDoLevel>()), SurveyChannel.Web, default));

        var year = await app.FiscalYearOfAsync(session);
        var page = await client.GetDocumentAsync($"/Coordinator/Dashboard?fy={year}");
        Assert.Contains(FiscalYear.Name(year), page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("66.7%", page.QuerySelector("#rate-value")!.TextContent);
        Assert.Equal("目標 90.0% に届いていません。", page.QuerySelector("#rate-target")!.TextContent.Trim());
        Assert.StartsWith("95%信頼区間: 20.8%〜93.9%", page.QuerySelector("#rate-interval")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("回答 3件 / 出席 3人（100.0%）", page.QuerySelector("#response-rate")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("66.7%", page.QuerySelector($"tr[data-session='{session}'] td.num")!.TextContent);
    }

    [Fact]
    public async Task Dashboard_IsForCoordinatorsOnly()
    {
        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        using var response = await client.GetAsync("/Coordinator/Dashboard");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
