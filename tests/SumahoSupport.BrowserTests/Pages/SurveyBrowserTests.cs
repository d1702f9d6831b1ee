using Microsoft.EntityFrameworkCore;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Core.Bookings;

namespace SumahoSupport.BrowserTests.Pages;

public sealed class SurveyBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Survey_OnAPhone_IsAnsweredWithTheKeyboardAndPassesAxe()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromDays(3));
        await browser.App.BookAsync(session,
            new BookingRequest("小林 トメ", "こばやし とめ", "0267110001", null, AgeBand.Eighties, DeviceType.None, null, BookingChannel.Phone), BookingKind.Proxy);
        var token = await browser.App.WithDbAsync(db => db.Bookings.Where(b => b.ClassSessionId == session).Select(b => b.SurveyToken!).SingleAsync());
        browser.App.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(3)); // the class (3 days ahead, 2 hours) is over

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/Survey/{token}");
        Assert.Equal("質問 1 / 7", await page.Locator(".survey-progress").InnerTextAsync());
        await Screenshots.SaveAsync(page, "survey-question-1");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.TabToAsync("input[name=Answer]");
        await page.Keyboard.PressAsync("Space");      // よく理解できた
        await page.Keyboard.PressAsync("ArrowDown");  // だいたい理解できた
        await page.TabToAsync("button[type=submit]");
        await page.SubmitAndExpectRedirectAsync(() => page.Keyboard.PressAsync("Enter"), "**q=2");
        Assert.Equal("質問 2 / 7", await page.Locator(".survey-progress").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        var saved = await browser.App.WithDbAsync(db => db.SurveyResponses.SingleAsync(r => r.ClassSessionId == session));
        Assert.Equal(SumahoSupport.Core.Surveys.Understanding.MostlyUnderstood, saved.Understanding);
        Assert.Equal(AgeBand.Eighties, saved.AgeBand);
    }

    [Fact]
    public async Task NotUnderstood_IsAskedAboutAFollowUp_AndTheCoordinatorsFollowUpPagePassesAxe()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromDays(3));
        await browser.App.BookAsync(session,
            new BookingRequest("中村 ハル", "なかむら はる", "0267110002", null, AgeBand.Eighties, DeviceType.Android, null, BookingChannel.Phone), BookingKind.Proxy);
        var token = await browser.App.WithDbAsync(db => db.Bookings.Where(b => b.ClassSessionId == session).Select(b => b.SurveyToken!).SingleAsync());
        browser.App.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(3));

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/Survey/{token}");
        await page.GetByLabel("あまり理解できなかった").CheckAsync();
        await page.SubmitAndExpectRedirectAsync(() => page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "次へ" }).ClickAsync(), "**q=2");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "survey-follow-up-question");
        await page.GetByLabel("はい、案内してほしい").CheckAsync();
        await page.SubmitAndExpectRedirectAsync(() => page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "次へ" }).ClickAsync(), "**q=3");

        var coordinator = await browser.NewPageAsync(1280, 900);
        await coordinator.SignInAsync("coordinator@example.jp", "Demo-Coordinator-2026", "/Coordinator");
        await coordinator.GotoAsync("/Coordinator/FollowUps");
        Assert.Contains("中村 ハル", await coordinator.Locator("#follow-ups").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await Screenshots.SaveAsync(coordinator, "coordinator-follow-ups");

        // The survey's wording is edited by label.
        await coordinator.GotoAsync("/Coordinator/SurveyTemplates");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await coordinator.FollowAsync(() => coordinator.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "標準アンケート" }).ClickAsync(), "**/Coordinator/SurveyTemplates/Edit?id=*");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await coordinator.GetByLabel("Q5 ご意見・ご感想の質問").FillAsync("ひとことどうぞ（書かなくても大丈夫です）。");
        await Screenshots.SaveAsync(coordinator, "coordinator-survey-template");
        await coordinator.SubmitAndExpectRedirectAsync(() => coordinator.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "保存する" }).ClickAsync(), "**/Coordinator/SurveyTemplates");
        Assert.Equal("ひとことどうぞ（書かなくても大丈夫です）。",
            await browser.App.WithDbAsync(db => db.SurveyTemplates.Where(t => t.Code == "standard").Select(t => t.CommentText).SingleAsync()));
    }
}
