using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>
/// A resident who asked to be contacted after a class on 31 March is still on the coordinator's list on 1 April: the
/// current year lists earlier years' unfinished follow-ups. The clock crosses a fiscal year, so it has its own database.
/// </summary>
public sealed class FollowUpYearTurnTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnUnfinishedFollowUp_IsStillListed_AfterTheFiscalYearTurns()
    {
        var session = await app.CreateSessionAsync(capacity: 2, startsIn: TimeSpan.FromHours(2));
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: "turn@example.jp")));
        var token = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.SurveyToken!).SingleAsync());
        app.Clock.Advance(TimeSpan.FromHours(5));
        var resident = app.CreateBrowserLikeClient();
        foreach (var (step, answer) in new[] { (1, "3"), (2, "yes") })
            using (var answered = await resident.SubmitFormAsync($"/Survey/{token}?q={step}", new Dictionary<string, string> { ["Answer"] = answer }))
                Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var followUp = await app.WithDbAsync(db => db.SurveyFollowUps.Where(f => f.Booking.Code == booked.Code).Select(f => f.Id).SingleAsync());

        var classYear = await app.FiscalYearOfAsync(session);
        app.Clock.Advance(FiscalYear.UtcRange(classYear + 1).FromUtc - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(9));
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var row = $"tr[data-follow-up='{followUp}']";

        var thisYear = await coordinator.GetDocumentAsync("/Coordinator/FollowUps");
        Assert.Contains(FiscalYear.Name(classYear + 1), thisYear.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(thisYear.QuerySelector($"{row} form[action*='handler=Link']"));
        Assert.NotNull(thisYear.QuerySelector("#carried-over"));
        var itsYear = await coordinator.GetDocumentAsync($"/Coordinator/FollowUps?fy={classYear}");
        Assert.NotNull(itsYear.QuerySelector(row));
        Assert.Null(itsYear.QuerySelector("#carried-over"));
        Assert.Null((await coordinator.GetDocumentAsync($"/Coordinator/FollowUps?fy={classYear + 2}")).QuerySelector(row));

        // Once it is declined (done), it belongs to its own year only.
        using (var declined = await coordinator.SubmitFormAsync("/Coordinator/FollowUps", new Dictionary<string, string>(), $"{row} form[action*='handler=Decline']"))
            Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Null((await coordinator.GetDocumentAsync("/Coordinator/FollowUps")).QuerySelector(row));
        Assert.NotNull((await coordinator.GetDocumentAsync($"/Coordinator/FollowUps?fy={classYear}")).QuerySelector(row));
    }
}
