using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>Paper forms typed in by a coordinator, tallies, and the アンケートのお願い mail after the class.</summary>
public sealed class PaperEntryAndRequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task PaperForms_AreTypedWithDigits_FullWidthToo_AndAWrongDigitIsExplainedAndSavesNothing()
    {
        var session = await app.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(2));
        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var url = $"/Coordinator/Classes/{session}/Surveys";
        var before = await client.GetDocumentAsync(url);
        Assert.Null(before.QuerySelector("main form"));
        Assert.Contains("まだ始まっていない", before.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(4));
        var paper = "form[action*='handler=Paper']";
        using var saved = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Paper.Understanding"] = "２", ["Paper.Satisfaction"] = "5", ["Paper.CanDo[0].Level"] = "1",
            ["Paper.SomeoneToAsk"] = "2", ["Paper.AgeBand"] = "4", ["Paper.Device"] = "3", ["Paper.Comment"] = "字が大きくて見やすかった",
        }, paper);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("紙の回答 1枚", after.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("紙 1", after.QuerySelector("#received-count")!.TextContent, StringComparison.Ordinal);

        var response = await app.WithDbAsync(db => db.SurveyResponses.Include(r => r.CanDo).SingleAsync(r => r.ClassSessionId == session));
        Assert.Equal((SurveyChannel.Paper, Understanding.MostlyUnderstood, 5, false), (response.Channel, response.Understanding, response.Satisfaction, response.HasSomeoneToAsk));
        Assert.Equal((AgeBand.Eighties, DeviceType.None), (response.AgeBand, response.Device));
        var firstGoal = await app.WithDbAsync(db => db.LearningGoals.Where(g => db.ClassSessions.Any(s => s.Id == session && s.CourseId == g.CourseId)).OrderBy(g => g.Order).Select(g => g.Id).FirstAsync());
        var canDo = Assert.Single(response.CanDo);
        Assert.Equal((firstGoal, CanDoLevel.Alone), (canDo.LearningGoalId, canDo.Level));
        Assert.Null(response.TokenHash);

        using var wrong = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Paper.Understanding"] = "7", ["Paper.CanDo[0].Level"] = "9" }, paper);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var page = await Forms.ParseAsync(wrong);
        Assert.Equal("理解度は 1〜4 の数字で入力してください。", page.QuerySelector("#Paper_Understanding-error")!.TextContent);
        Assert.Equal("「できるようになったこと」は 1〜3 の数字で入力してください。", page.QuerySelector("#Paper_CanDo_0__Level-error")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ClassSessionId == session)));
    }

    [Fact]
    public async Task Tally_ReplacesTheEarlierCounts_AndCountsInTheRate()
    {
        var session = await app.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(2));
        app.Clock.Advance(TimeSpan.FromHours(4));
        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var url = $"/Coordinator/Classes/{session}/Surveys";
        var tally = "form[action*='handler=Tally']";
        using var first = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Tally.WellUnderstood"] = "5", ["Tally.DidNotUnderstand"] = "5" }, tally);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Tally.WellUnderstood"] = "9", ["Tally.DidNotUnderstand"] = "1" }, tally);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var rate = (await app.WithScopeAsync(s => s.GetRequiredService<SurveyStatistics>().TotalAsync(
            s.GetRequiredService<Core.Data.AppDbContext>().ClassSessions.Where(x => x.Id == session), default))).Rate;
        Assert.Equal((9, 10), (rate.Understood, rate.Answers));
        var page = await client.GetDocumentAsync(url);
        Assert.Equal("9", page.QuerySelector("#Tally_WellUnderstood")!.GetAttribute("value"));

        using var negative = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Tally.WellUnderstood"] = "-3" }, tally);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
        Assert.Equal("枚数は 0〜999 の数字で入力してください。", (await Forms.ParseAsync(negative)).QuerySelector("#Tally_WellUnderstood-error")!.TextContent);
    }

    [Fact]
    public async Task SurveyRequest_GoesOnceInTheDaytime_ToAttendeesWithMailWhoHaveNotAnswered()
    {
        var session = await app.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(2));
        async Task<string> BookAsync(string? email) => Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: email))).Code;
        var asked = await BookAsync("asked@example.jp");
        var answered = await BookAsync("answered@example.jp");
        var absent = await BookAsync("absent@example.jp");
        var noMail = await BookAsync(null);
        app.Clock.Advance(TimeSpan.FromHours(3));
        foreach (var (code, came) in new[] { (asked, true), (answered, true), (absent, false), (noMail, true) })
            await app.WithBookingsAsync(b => b.RecordAttendanceAsync(code, came, default));
        var answeredToken = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == answered).Select(b => b.SurveyToken!).SingleAsync());
        await app.WithScopeAsync(s => s.GetRequiredService<SurveyService>().SubmitAsync(answeredToken,
            new SurveyAnswers(Understanding.WellUnderstood, null, null, null, new Dictionary<int, CanDoLevel>()), SurveyChannel.Web, default));

        Task<int> SendAsync() => app.WithScopeAsync(s => s.GetRequiredService<SurveyRequestService>().SendDueAsync(default));
        // Once the class has been over for an hour: at 21:00 in Tokyo nothing goes out, at 10:00 the next morning it does.
        app.Clock.Advance(TimeSpan.FromHours(2));
        AdvanceToTokyo(new TimeOnly(21, 0));
        Assert.Equal(0, await SendAsync());
        AdvanceToTokyo(new TimeOnly(10, 0));
        Assert.Equal(1, await SendAsync());
        Assert.Equal(0, await SendAsync());

        var requests = (await app.OutboxAsync()).Where(m => m.Kind == "survey-request").ToList();
        var mail = Assert.Single(requests, m => m.RelatesTo == asked);
        Assert.Equal("asked@example.jp", mail.ToAddress);
        var token = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == asked).Select(b => b.SurveyToken!).SingleAsync());
        Assert.Contains($"/Survey/{token}?Via=mail", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("アンケートにご協力ください", mail.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(requests, m => m.RelatesTo == answered || m.RelatesTo == absent || m.RelatesTo == noMail);
        Assert.Equal(0, await app.WithDbAsync(db => db.CallTasks.CountAsync(c => c.Booking!.Code == noMail)));
    }

    private void AdvanceToTokyo(TimeOnly time)
    {
        var now = JapaneseTime.ToTokyo(app.Clock.GetUtcNow().UtcDateTime);
        var target = DateOnly.FromDateTime(now).ToDateTime(time);
        if (target <= now) target = target.AddDays(1);
        app.Clock.Advance(target - now);
    }
}
