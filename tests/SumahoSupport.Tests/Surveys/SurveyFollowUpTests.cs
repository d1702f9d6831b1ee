using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Consultations;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>
/// 理解度フォロー over HTTP, from the survey to the dashboard: who is offered a follow-up (and how), linking what they
/// booked, and the second answer — from a repeat class's own survey, or recorded by the coordinator after a
/// consultation. The clock moves past the classes, so it has a database of its own.
/// </summary>
public sealed class SurveyFollowUpTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string AskFollowUp = "もう一度、ひとりずつの「スマホ相談」や教室で、お手伝いさせてください。市からご案内してもよろしいですか？";

    [Fact]
    public async Task NotUnderstood_WithConsent_IsFollowedUp_AndTheSecondAnswerIsCounted()
    {
        var session = await app.CreateSessionAsync(capacity: 10, startsIn: TimeSpan.FromHours(2));
        var mailPhone = TestData.NextPhone();
        var byMail = await BookAsync(session, TestData.Resident(phone: mailPhone, kana: "めーる あり", email: "follow@example.jp"));
        var callPhone = TestData.NextPhone();
        var byCall = await BookAsync(session, TestData.Resident(phone: callPhone, kana: "でんわ のみ"));
        var understood = await BookAsync(session, TestData.Resident(email: "ok@example.jp"));
        var saysNo = await BookAsync(session, TestData.Resident(email: "no@example.jp"));
        var changesMind = await BookAsync(session, TestData.Resident(email: "change@example.jp"));
        app.Clock.Advance(TimeSpan.FromHours(5));
        var resident = app.CreateBrowserLikeClient();

        // 「あまり理解できなかった」 brings the question; 「だいたい理解できた」 does not.
        await AnswerAsync(resident, byMail, 1, "3");
        var asked = await resident.GetDocumentAsync($"/Survey/{byMail.Token}?q=2");
        Assert.Equal(AskFollowUp, asked.QuerySelector("legend h1")!.TextContent);
        Assert.Equal("質問 2 / 8", asked.QuerySelector(".survey-progress")!.TextContent);
        await AnswerAsync(resident, byMail, 2, "yes");
        await AnswerAsync(resident, byMail, 2, "yes"); // pressed twice
        Assert.NotNull((await resident.GetDocumentAsync($"/Survey/{byMail.Token}?q=9")).QuerySelector("#follow-up-promise"));
        await AnswerAsync(resident, understood, 1, "2");
        Assert.NotEqual(AskFollowUp, (await resident.GetDocumentAsync($"/Survey/{understood.Token}?q=2")).QuerySelector("legend h1")!.TextContent);
        await AnswerAsync(resident, byCall, 1, "4");
        await AnswerAsync(resident, byCall, 2, "yes");
        await AnswerAsync(resident, saysNo, 1, "3");
        await AnswerAsync(resident, saysNo, 2, "no");
        await AnswerAsync(resident, changesMind, 1, "3");
        await AnswerAsync(resident, changesMind, 2, "yes");
        await AnswerAsync(resident, changesMind, 1, "2");

        // One offer by mail with the two ways, one call for the resident without e-mail, and a withdrawn one.
        var offers = (await app.OutboxAsync()).Where(m => m.Kind == "survey-follow-up").ToList();
        Assert.Equal(["follow@example.jp", "change@example.jp"], offers.Select(m => m.ToAddress));
        Assert.Contains("/Consultations", offers[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("/Classes", offers[0].TextBody, StringComparison.Ordinal);
        var call = await app.WithDbAsync(db => db.CallTasks.AsNoTracking().Include(c => c.Booking).SingleAsync(c => c.Reason == CallReason.FollowUp));
        Assert.Equal(byCall.Code, call.Booking!.Code);
        var followUps = await app.WithDbAsync(db => db.SurveyFollowUps.AsNoTracking().Include(f => f.Booking).ToDictionaryAsync(f => f.Booking.Code));
        Assert.Equal(3, followUps.Count);
        Assert.Equal((FollowUpStatus.Open, FollowUpStatus.Open, FollowUpStatus.Declined),
            (followUps[byMail.Code].Status, followUps[byCall.Code].Status, followUps[changesMind.Code].Status));

        // The coordinator links what each booked: a repeat class for one, a consultation for the other.
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var mailRow = $"tr[data-follow-up='{followUps[byMail.Code].Id}'] form[action*='handler=Link']";
        foreach (var (code, message) in new[]
        {
            (byCall.Code, "その予約番号は、別の方の予約です。"), ("ZZZ-ZZZ", "その予約番号の予約が見つかりません（例: K7M-4PX）。"),
            (byMail.Code, "その予約は、キャンセル済みか、理解できなかった教室そのものです。"), ("<script>", "その予約番号の予約が見つかりません（例: K7M-4PX）。"),
        })
        {
            using var refused = await coordinator.SubmitFormAsync("/Coordinator/FollowUps", new Dictionary<string, string> { ["Code"] = code }, mailRow);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(message, (await Forms.ParseAsync(refused)).QuerySelector("#Code-error")!.TextContent);
        }
        // The repeat class is after the consultation (a week or so ahead).
        var repeatSession = await app.CreateSessionAsync(capacity: 10, startsIn: TimeSpan.FromDays(12));
        var repeat = await BookAsync(repeatSession, TestData.Resident(phone: mailPhone, kana: "めーる あり", email: "follow@example.jp"));
        using (var linked = await coordinator.SubmitFormAsync("/Coordinator/FollowUps", new Dictionary<string, string> { ["Code"] = repeat.Code.ToLowerInvariant() }, mailRow))
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 1);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(10, 30));
        await app.AddHelperAsync("フォロー 担当", date.DayOfWeek, 9 * 60, 12 * 60);
        var consultation = await app.BookConsultationAsync(schedule.Id, JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0))), TestData.Resident(phone: callPhone, kana: "でんわ のみ"));
        var callRow = $"tr[data-follow-up='{followUps[byCall.Code].Id}']";
        using (var linked = await coordinator.SubmitFormAsync("/Coordinator/FollowUps", new Dictionary<string, string> { ["Code"] = consultation }, callRow + " form[action*='handler=Link']"))
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        // The follow-up page takes the second answer too (asked on the phone); a blank choice is asked again.
        using (var blank = await coordinator.SubmitFormAsync("/Coordinator/FollowUps", new Dictionary<string, string> { ["Second"] = "" }, callRow + " form[action*='handler=Second']"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
            Assert.Equal("2回目の理解度を選んでください。", (await Forms.ParseAsync(blank)).QuerySelector("#Second-error")!.TextContent);
        }

        // After the consultation its 相談記録 asks the same question as the survey, and the answer is the second one.
        app.Clock.Advance(TimeSpan.FromDays(12) + TimeSpan.FromHours(3));
        using var __ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var logForm = $"/Coordinator/Consultations/Logs/New?booking={consultation}";
        Assert.Contains("「はじめてのスマホ", (await coordinator.GetDocumentAsync(logForm)).QuerySelector("#second-understanding legend")!.TextContent, StringComparison.Ordinal);
        using (var logged = await coordinator.SubmitFormAsync(logForm, new Dictionary<string, string>
        {
            ["Input.Minutes"] = "30", ["Input.Resolution"] = "Partly", ["Input.SecondUnderstanding"] = "NotReallyUnderstood",
        }))
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);

        // The repeat class's own survey is the other's second answer.
        await AnswerAsync(resident, repeat, 1, "1");
        var after = await app.WithDbAsync(db => db.SurveyFollowUps.AsNoTracking().Include(f => f.Booking).ToDictionaryAsync(f => f.Booking.Code));
        Assert.Equal((FollowUpStatus.Completed, Understanding.WellUnderstood), (after[byMail.Code].Status, after[byMail.Code].SecondUnderstanding!.Value));
        Assert.Equal((FollowUpStatus.Completed, Understanding.NotReallyUnderstood), (after[byCall.Code].Status, after[byCall.Code].SecondUnderstanding!.Value));

        // 3 offered, 1 withdrawn; 2 followed up, both answered again, 1 understood.
        var classYear = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.StartsAtUtc).SingleAsync());
        var fiscalYear = FiscalYear.OfUtc(classYear);
        var dashboard = await coordinator.GetDocumentAsync($"/Coordinator/Dashboard?fy={fiscalYear}");
        Assert.StartsWith("案内を希望した方 3人（辞退 1人）、相談・再受講でフォローした方 2人、2回目に理解できた方 1人（2回目に答えた 2人のうち）。",
            dashboard.QuerySelector("#follow-up-summary")!.TextContent.Trim(), StringComparison.Ordinal);
        var list = await coordinator.GetDocumentAsync($"/Coordinator/FollowUps?fy={fiscalYear}");
        Assert.Contains("50.0%", list.QuerySelector("#follow-up-figures")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<(string Code, string Token)> BookAsync(int session, BookingRequest resident)
    {
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, resident));
        return (booked.Code, await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.SurveyToken!).SingleAsync()));
    }

    private static async Task AnswerAsync(HttpClient client, (string Code, string Token) booking, int step, string answer)
    {
        using var response = await client.SubmitFormAsync($"/Survey/{booking.Token}?q={step}", new Dictionary<string, string> { ["Answer"] = answer });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
