using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>
/// Coordinators word the survey (templates) and add questions to a course; the resident's survey follows, the answers are
/// counted on the dashboard and in the export. Edits the first course and moves the clock, so it has a database of its own.
/// </summary>
public sealed class SurveyTemplateTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheWordingIsEdited_ACourseAddsQuestions_AndTheirAnswersAreCounted()
    {
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var standard = await app.WithDbAsync(db => db.SurveyTemplates.Where(t => t.Code == SurveyTemplate.StandardCode).Select(t => t.Id).SingleAsync());
        var templateUrl = $"/Coordinator/SurveyTemplates/Edit?id={standard}";

        // Q1 must name the class and Q3 the goal, or the resident would not know what is asked.
        using (var missing = await coordinator.SubmitFormAsync(templateUrl, new Dictionary<string, string>
        {
            ["Input.UnderstandingText"] = "わかりましたか？", ["Input.CanDoText"] = "できるようになりましたか？",
        }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
            var page = await Forms.ParseAsync(missing);
            Assert.Equal("理解度の質問には、教室の名前が入る {class} を入れてください。", page.QuerySelector("#Input_UnderstandingText-error")!.TextContent);
            Assert.Equal("「できるようになったこと」の質問には、その内容が入る {goal} を入れてください。", page.QuerySelector("#Input_CanDoText-error")!.TextContent);
        }
        using (var saved = await coordinator.SubmitFormAsync(templateUrl, new Dictionary<string, string>
        {
            ["Input.UnderstandingText"] = "きょうの「{class}」は、わかりましたか？", ["Input.AsksSatisfaction"] = "false",
        }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The first course adds a choice question and a written one; a choice question needs two answers or more.
        var course = await app.WithDbAsync(db => db.Courses.OrderBy(c => c.Id).Select(c => new { c.Id, c.Title }).FirstAsync());
        var courseUrl = $"/Coordinator/Courses/Edit/{course.Id}";
        using (var oneChoice = await coordinator.SubmitFormAsync(courseUrl, new Dictionary<string, string> { ["Input.ExtraQuestions"] = "時間はどうでしたか？｜ちょうどよい" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, oneChoice.StatusCode);
            Assert.Equal("「時間はどうでしたか？」の答えは、「／」で区切って2〜6個にしてください。", (await Forms.ParseAsync(oneChoice)).QuerySelector("#Input_ExtraQuestions-error")!.TextContent);
        }
        using (var saved = await coordinator.SubmitFormAsync(courseUrl, new Dictionary<string, string>
        {
            ["Input.ExtraQuestions"] = "教室の時間の長さはどうでしたか？｜ちょうどよい／長い／短い\n一番役に立ったことは何ですか？",
        }))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var session = await app.CreateSessionAsync(capacity: 4, startsIn: TimeSpan.FromHours(2));
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var token = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.SurveyToken!).SingleAsync());
        app.Clock.Advance(TimeSpan.FromHours(5));
        var resident = app.CreateBrowserLikeClient();

        // Q1 in the new words; no satisfaction; 3 goals, Q4, the two added questions, then the comment: 8 questions.
        Assert.Equal(2, await app.WithDbAsync(db => db.ExtraQuestions.CountAsync(q => q.CourseId == course.Id)));
        var first = await resident.GetDocumentAsync($"/Survey/{token}");
        Assert.Equal($"きょうの「{course.Title}」は、わかりましたか？", first.QuerySelector("legend h1")!.TextContent);
        Assert.Equal("質問 1 / 8", first.QuerySelector(".survey-progress")!.TextContent);
        var choice = await resident.GetDocumentAsync($"/Survey/{token}?q=6");
        Assert.Equal("教室の時間の長さはどうでしたか？", choice.QuerySelector("legend h1")!.TextContent);
        Assert.Equal(["ちょうどよい", "長い", "短い"], choice.QuerySelectorAll("input[name=Answer]").Select(i => i.GetAttribute("value")!));
        Assert.Equal("一番役に立ったことは何ですか？", (await resident.GetDocumentAsync($"/Survey/{token}?q=7")).QuerySelector("label[for=Answer]")!.TextContent);
        foreach (var (step, answer, status) in new[]
        {
            (6, "とても長い", HttpStatusCode.UnprocessableEntity), (6, "長い", HttpStatusCode.Redirect),
            (7, "<b>写真</b>", HttpStatusCode.UnprocessableEntity), (7, "写真の送り方", HttpStatusCode.Redirect), (1, "2", HttpStatusCode.Redirect),
        })
        {
            using var response = await resident.SubmitFormAsync($"/Survey/{token}?q={step}", new Dictionary<string, string> { ["Answer"] = answer });
            Assert.Equal(status, response.StatusCode);
        }

        // A paper form of the same class: the choice by its number (full width too), the written answer as written.
        using var __ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var paperUrl = $"/Coordinator/Classes/{session}/Surveys";
        var paperForm = await coordinator.GetDocumentAsync(paperUrl);
        Assert.Equal("追加1「教室の時間の長さはどうでしたか？」（1 ちょうどよい・2 長い・3 短い）", paperForm.QuerySelector("label[for='Paper_Extra_0__Value']")!.TextContent);
        using (var wrong = await coordinator.SubmitFormAsync(paperUrl, new Dictionary<string, string> { ["Paper.Understanding"] = "1", ["Paper.Extra[0].Value"] = "9" }, "form[action*='handler=Paper']"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            Assert.Equal("「教室の時間の長さはどうでしたか？」は 1〜3 の数字で入力してください。", (await Forms.ParseAsync(wrong)).QuerySelector("#Paper_Extra_0__Value-error")!.TextContent);
        }
        using (var paper = await coordinator.SubmitFormAsync(paperUrl, new Dictionary<string, string>
        {
            ["Paper.Understanding"] = "1", ["Paper.Extra[0].Value"] = "１", ["Paper.Extra[1].Value"] = "動画の撮り方",
        }, "form[action*='handler=Paper']"))
            Assert.Equal(HttpStatusCode.Redirect, paper.StatusCode);

        // Counted on the dashboard (one 「ちょうどよい」 on paper, one 「長い」 on the web; two written answers) and listed in the export.
        var fiscalYear = await app.FiscalYearOfAsync(session);
        var dashboard = await coordinator.GetDocumentAsync($"/Coordinator/Dashboard?fy={fiscalYear}");
        var rows = dashboard.QuerySelectorAll("#extra tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            $"{course.Title}|教室の時間の長さはどうでしたか？|ちょうどよい|1|50.0%", $"{course.Title}|教室の時間の長さはどうでしたか？|長い|1|50.0%",
            $"{course.Title}|一番役に立ったことは何ですか？|（書いて答える質問）|2|100.0%",
        ], rows);
        var csv = await coordinator.GetStringAsync($"/Coordinator/Dashboard/Export?fy={fiscalYear}&view=responses&format=csv");
        Assert.Contains("教室の時間の長さはどうでしたか？: 長い / 一番役に立ったことは何ですか？: 写真の送り方", csv, StringComparison.Ordinal);

        // Taking the answered question off the course retires it: no longer asked, its answers still counted.
        using (var removed = await coordinator.SubmitFormAsync(courseUrl, new Dictionary<string, string> { ["Input.ExtraQuestions"] = "教室の時間の長さはどうでしたか？｜ちょうどよい／長い／短い" }))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("質問 1 / 7", (await resident.GetDocumentAsync($"/Survey/{token}")).QuerySelector(".survey-progress")!.TextContent);
        Assert.Equal(3, (await coordinator.GetDocumentAsync($"/Coordinator/Dashboard?fy={fiscalYear}")).QuerySelectorAll("#extra tbody tr").Length);
        Assert.Equal(1, await app.WithDbAsync(db => db.ExtraQuestions.CountAsync(q => q.CourseId == course.Id && q.Retired)));
        Assert.Equal("教室の時間の長さはどうでしたか？｜ちょうどよい／長い／短い",
            (await coordinator.GetDocumentAsync(courseUrl)).QuerySelector("#Input_ExtraQuestions")!.TextContent.Trim());

        // A new template, chosen by the course.
        using (var added = await coordinator.SubmitFormAsync("/Coordinator/SurveyTemplates/Edit", new Dictionary<string, string>
        {
            // It starts from the standard wording as edited above (no satisfaction): ask it here, and no comment.
            ["Input.Name"] = "出前講座用", ["Input.UnderstandingText"] = "「{class}」は、いかがでしたか？", ["Input.AsksSatisfaction"] = "true", ["Input.AsksComment"] = "false",
        }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var mine = await app.WithDbAsync(db => db.SurveyTemplates.Where(t => t.Name == "出前講座用").Select(t => t.Id).SingleAsync());
        using (var chosen = await coordinator.SubmitFormAsync(courseUrl, new Dictionary<string, string> { ["Input.SurveyTemplateId"] = mine.ToString(CultureInfo.InvariantCulture) }))
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var now = await resident.GetDocumentAsync($"/Survey/{token}");
        Assert.Equal($"「{course.Title}」は、いかがでしたか？", now.QuerySelector("legend h1")!.TextContent);
        // Q1, satisfaction, 3 goals, Q4 and the remaining added question.
        Assert.Equal("質問 1 / 7", now.QuerySelector(".survey-progress")!.TextContent);
        Assert.Contains("出前講座用", (await coordinator.GetDocumentAsync("/Coordinator/SurveyTemplates")).QuerySelector("#templates")!.TextContent, StringComparison.Ordinal);
    }
}
