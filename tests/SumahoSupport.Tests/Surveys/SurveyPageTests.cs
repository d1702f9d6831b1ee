using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>The resident's survey pages over HTTP; the clock is moved past the class, so the class has its own database.</summary>
public sealed class SurveyPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int Session, string Token, BookingResult.Booked Booking)> AttendedClassAsync()
    {
        var session = await app.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromHours(2));
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var token = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.SurveyToken!).SingleAsync());
        return (session, token, booked);
    }

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string token, int step, string? answer) =>
        await client.SubmitFormAsync($"/Survey/{token}?q={step}", answer is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Answer"] = answer });

    [Fact]
    public async Task BeforeTheClass_TheSurveyWaits_AndTheSlipCarriesItsOwnQr()
    {
        var (_, token, booked) = await AttendedClassAsync();
        var client = app.CreateBrowserLikeClient();
        var page = await client.GetDocumentAsync($"/Survey/{token}");
        Assert.Equal("アンケートは教室のあとでお願いします", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));
        var slip = await client.GetDocumentAsync($"/Bookings/{booked.Code}?token={booked.Token}");
        Assert.Equal(2, slip.QuerySelectorAll(".slip-qr img").Length);
        Assert.NotEqual(booked.Token, token);

        await app.WithBookingsAsync(b => b.CancelByResidentAsync(booked.Code, booked.Token, default));
        var cancelled = await client.GetDocumentAsync($"/Bookings/{booked.Code}?token={booked.Token}");
        Assert.Null(cancelled.QuerySelector(".slip-survey"));
    }

    [Fact]
    public async Task OneQuestionPerScreen_SavesEachAnswer_AndComingBackEdits()
    {
        var (session, token, _) = await AttendedClassAsync();
        app.Clock.Advance(TimeSpan.FromHours(5));
        var client = app.CreateBrowserLikeClient();

        var first = await client.GetDocumentAsync($"/Survey/{token}");
        Assert.Equal("質問 1 / 7", first.QuerySelector(".survey-progress")!.TextContent);
        Assert.Equal(4, first.QuerySelectorAll("input[name=Answer]").Length);

        using var understood = await AnswerAsync(client, token, 1, "2");
        Assert.Equal($"/Survey/{token}?q=2", understood.Headers.Location!.OriginalString);
        await AnswerAsync(client, token, 2, "5");
        await AnswerAsync(client, token, 3, "1");
        await AnswerAsync(client, token, 4, null); // left blank
        await AnswerAsync(client, token, 5, "2");
        await AnswerAsync(client, token, 6, "no");
        using var last = await AnswerAsync(client, token, 7, "先生がやさしかったです");
        var thanks = await client.GetDocumentAsync(last.Headers.Location!.OriginalString);
        Assert.Equal("ご協力ありがとうございました", thanks.QuerySelector("h1")!.TextContent);

        var response = await app.WithDbAsync(db => db.SurveyResponses.Include(r => r.CanDo).SingleAsync(r => r.ClassSessionId == session));
        Assert.Equal((Understanding.MostlyUnderstood, 5, false, "先生がやさしかったです", SurveyChannel.Web),
            (response.Understanding!.Value, response.Satisfaction!.Value, response.HasSomeoneToAsk!.Value, response.Comment!, response.Channel));
        Assert.Equal([CanDoLevel.Alone, CanDoLevel.WithHelp], response.CanDo.OrderBy(c => c.LearningGoalId).Select(c => c.Level));

        var again = await client.GetDocumentAsync($"/Survey/{token}?q=1");
        Assert.True(again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=Answer][value='2']")!.IsChecked);
        await AnswerAsync(client, token, 1, "1");
        Assert.Equal(Understanding.WellUnderstood, (await app.WithDbAsync(db => db.SurveyResponses.SingleAsync(r => r.ClassSessionId == session))).Understanding);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.ClassSessionId == session)));
    }

    [Fact]
    public async Task OneLink_ChangesItsAnswersFiveTimesAtMost_AndTheSameAnswerAgainWritesNothing()
    {
        var (session, token, _) = await AttendedClassAsync();
        app.Clock.Advance(TimeSpan.FromHours(5));
        var client = app.CreateBrowserLikeClient();
        using (await AnswerAsync(client, token, 1, "2")) { }
        using (await AnswerAsync(client, token, 2, "5")) { }
        var id = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.ClassSessionId == session).Select(r => r.Id).SingleAsync());
        Task<int> AuditedAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.SubjectType == nameof(SurveyResponse) && e.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var audited = await AuditedAsync();

        // A reload or a script posting the same answer: nothing saved, nothing audited, as often as it likes.
        for (var i = 0; i < 20; i++)
            using (var same = await AnswerAsync(client, token, 1, "2")) Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        Assert.Equal(audited, await AuditedAsync());

        // Five changes of a given answer are saved and audited; the sixth is refused with a message, and nothing changes.
        string[] answers = ["1", "3", "4", "1", "2"];
        foreach (var answer in answers)
            using (var changed = await AnswerAsync(client, token, 1, answer)) Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(audited + 5, await AuditedAsync());
        using (var refused = await AnswerAsync(client, token, 1, "4"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("5回まで", (await Forms.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(audited + 5, await AuditedAsync());
        Assert.Equal(Understanding.MostlyUnderstood, (await app.WithDbAsync(db => db.SurveyResponses.SingleAsync(r => r.Id == id))).Understanding);

        // A question not answered yet is still answered: new answers are not changes.
        using (var next = await AnswerAsync(client, token, 3, "1")) Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("' OR 1=1 --")]
    public async Task AnAnswerNotOnTheList_IsAskedAgainInJapanese(string answer)
    {
        var (_, token, _) = await AttendedClassAsync();
        app.Clock.Advance(TimeSpan.FromHours(5));
        using var response = await AnswerAsync(app.CreateBrowserLikeClient(), token, 1, answer);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("選びなおしてください。", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownToken_Is404_AndAPostWithoutTheAntiforgeryTokenIsRefused()
    {
        using var unknown = await app.CreateBrowserLikeClient().GetAsync("/Survey/not-a-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (_, token, _) = await AttendedClassAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Answer"] = "1" });
        using var forged = await app.CreateBrowserLikeClient().PostAsync($"/Survey/{token}?q=1", content);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
