using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

public sealed class SurveyEntryBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task PaperForms_AreTypedWithNumberKeysAndEnter_AndTheSurveyPagesPassAxe()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(2));
        await browser.App.BookAsync(session, TestData.Resident());
        browser.App.Clock.Advance(TimeSpan.FromHours(4));
        var goals = await browser.App.WithDbAsync(db => db.LearningGoals.CountAsync(g => db.ClassSessions.Any(s => s.Id == session && s.CourseId == g.CourseId)));

        var page = await browser.NewPageAsync(1280, 900);
        await page.SignInAsync("coordinator@example.jp", "Demo-Coordinator-2026", "/Coordinator");

        await page.GotoAsync($"/Coordinator/Classes/{session}/Surveys");
        await Accessibility.AssertNoViolationsAsync(page);
        // Two sheets, typed as a coordinator would: the first box has the focus, each digit moves on, Enter saves.
        foreach (var sheet in new[] { "2", "4" })
        {
            Assert.Equal("Paper_Understanding", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            await page.Keyboard.TypeAsync(sheet + "5" + new string('1', goals) + "2" + "4" + "2");
            Assert.Equal("submit", await page.EvaluateAsync<string>("() => document.activeElement.type"));
            await page.SubmitAndExpectRedirectAsync(() => page.Keyboard.PressAsync("Enter"), $"**/Coordinator/Classes/{session}/Surveys");
        }
        Assert.Contains("紙の回答 2枚", await page.Locator(".status-message").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "coordinator-survey-entry");
        var understood = await browser.App.WithDbAsync(db => db.SurveyResponses.Where(r => r.ClassSessionId == session).OrderBy(r => r.Id).Select(r => r.Understanding).ToListAsync());
        Assert.Equal([Core.Surveys.Understanding.MostlyUnderstood, Core.Surveys.Understanding.DidNotUnderstand], understood);

        foreach (var (url, name) in new[]
        {
            ($"/Coordinator/Classes/{session}/SurveyHandout", "coordinator-survey-handout"),
            ("/Coordinator/Dashboard", "coordinator-dashboard-with-answers"),
            ("/Coordinator/Dashboard/Breakdown?by=Venue&sort=breakdown.5.desc", "coordinator-breakdown"),
            ("/Coordinator/Report", "coordinator-report"),
        })
        {
            await page.GotoAsync(url);
            await Screenshots.SaveAsync(page, name);
            await Accessibility.AssertNoViolationsAsync(page);
        }
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Screenshots.SaveAsync(page, "coordinator-report-print");
        await page.GotoAsync($"/Coordinator/Classes/{session}/SurveyHandout");
        Assert.True(await page.Locator(".handout-slip img").First.IsVisibleAsync());
        await Screenshots.SaveAsync(page, "coordinator-survey-handout-print");
    }
}
