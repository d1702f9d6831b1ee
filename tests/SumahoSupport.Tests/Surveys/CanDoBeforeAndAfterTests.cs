using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>
/// A course that compares asks, per learning goal, about before the class and about now — on the web form and on paper —
/// and the can-do table puts the two shares side by side. The clock moves past the class, so it has a database of its own.
/// </summary>
public sealed class CanDoBeforeAndAfterTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task BeforeAndAfter_AreAskedOnlyWhereTheCourseCompares_AndCountedSideBySide()
    {
        // 「LINEをはじめよう」 compares (seed/courses.json); the first course does not.
        var line = await app.WithDbAsync(db => db.Courses.Where(c => c.Code == "line-basics").Select(c => new { c.Id, c.AsksCanDoBefore }).SingleAsync());
        Assert.True(line.AsksCanDoBefore);
        var session = await app.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(2));
        var plain = await app.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(2));
        await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.CourseId, line.Id)));
        var tokens = new List<string>();
        foreach (var id in new[] { session, session, plain })
        {
            var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(id, TestData.Resident()));
            tokens.Add(await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.SurveyToken!).SingleAsync()));
        }
        app.Clock.Advance(TimeSpan.FromHours(3));
        var resident = app.CreateBrowserLikeClient();

        // 2 scales + 3 goals × (before, now) + 2 = 10 questions; the first goal's pair is questions 3 and 4.
        var third = await resident.GetDocumentAsync($"/Survey/{tokens[0]}?q=3");
        Assert.Equal("質問 3 / 10", third.QuerySelector(".survey-progress")!.TextContent);
        Assert.Equal("教室の前は、「LINEでメッセージを送れる」ことが、できましたか？", third.QuerySelector("legend h1")!.TextContent);
        Assert.Equal("教室のあと、今は「LINEでメッセージを送れる」ことが、できますか？", (await resident.GetDocumentAsync($"/Survey/{tokens[0]}?q=4")).QuerySelector("legend h1")!.TextContent);
        Assert.Equal("質問 1 / 7", (await resident.GetDocumentAsync($"/Survey/{tokens[2]}")).QuerySelector(".survey-progress")!.TextContent);
        foreach (var (token, step, answer) in new[] { (tokens[0], 3, "3"), (tokens[0], 4, "1"), (tokens[1], 3, "2"), (tokens[1], 4, "1") })
        {
            using var saved = await resident.SubmitFormAsync($"/Survey/{token}?q={step}", new Dictionary<string, string> { ["Answer"] = answer });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // A paper form of the same class: 1 before and 1 now for the first goal.
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var url = $"/Coordinator/Classes/{session}/Surveys";
        var form = await coordinator.GetDocumentAsync(url);
        Assert.Contains("教室の前", form.QuerySelector("label[for='Paper_CanDo_0__Level']")!.TextContent, StringComparison.Ordinal);
        using (var paper = await coordinator.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Paper.Understanding"] = "1", ["Paper.CanDo[0].Level"] = "１", ["Paper.CanDo[1].Level"] = "1",
        }, "form[action*='handler=Paper']"))
            Assert.Equal(HttpStatusCode.Redirect, paper.StatusCode);

        // A 「before」 answer for a course that does not compare is ignored, on the web and on paper.
        var goal = await app.WithDbAsync(db => db.LearningGoals.Where(g => db.ClassSessions.Any(s => s.Id == plain && s.CourseId == g.CourseId)).OrderBy(g => g.Order).Select(g => g.Id).FirstAsync());
        await app.WithScopeAsync(s => s.GetRequiredService<SurveyService>().SubmitAsync(tokens[2],
            SurveyAnswers.None with { CanDo = new Dictionary<int, CanDoLevel> { [goal] = CanDoLevel.WithHelp }, CanDoBefore = new Dictionary<int, CanDoLevel> { [goal] = CanDoLevel.NotYet } },
            SurveyChannel.Web, default));
        using (var forged = await coordinator.SubmitFormAsync($"/Coordinator/Classes/{plain}/Surveys",
            new Dictionary<string, string> { ["Paper.CanDo[0].Before"] = "true", ["Paper.CanDo[0].Level"] = "1" }, "form[action*='handler=Paper']"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CanDoAnswers.CountAsync(a => a.Before && a.LearningGoalId == goal)));

        // Now: 3 of 3 alone = 100.0%. Before: 1 of 3 alone (one 「まだ」, one 「手伝いがあれば」) = 33.3%.
        var figures = await app.WithScopeAsync(s => s.GetRequiredService<SurveyStatistics>()
            .CanDoAsync(s.GetRequiredService<Core.Data.AppDbContext>().ClassSessions.Where(c => c.Id == session || c.Id == plain), default));
        var table = SurveyTables.CanDo(figures, 2026);
        Assert.Equal(["講座", "できるようになったこと", "ひとりでできる", "手伝いがあればできる", "まだできない", "回答", "ひとりでできる割合", "教室の前（回答）", "教室の前にひとりでできた割合"], table.Columns);
        var rows = table.Rows.ToDictionary(r => (string)r[1]!);
        Assert.Equal(["LINEをはじめよう", "LINEでメッセージを送れる", 3, 0, 0, 3, new Percent(1), 3, new Percent(1.0 / 3)], rows["LINEでメッセージを送れる"]);
        Assert.Equal([null, null], rows.Values.Single(r => (int)r[3]! == 1 && (string)r[0]! != "LINEをはじめよう").Skip(7));
    }
}
