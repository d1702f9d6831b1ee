using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

public sealed class CoordinatorBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACoordinatorMergesAnUnderFilledClass_FromTheHome_AfterReadingWhoMovesAndHow()
    {
        var course = await browser.App.NewCourseAsync();
        var few = await browser.App.ClassOfAsync(course, days: 2, capacity: 10);
        var into = await browser.App.ClassOfAsync(course, days: 4, capacity: 10);
        await browser.App.BookAsync(few, TestData.Resident(email: "matome@example.jp") with { Name = "統合 一郎" });
        await browser.App.BookAsync(few, TestData.Resident() with { Name = "電話 花子" });
        var page = await browser.NewPageAsync(1280, 900);
        await page.SignInAsync("coordinator@example.jp", "Demo-Coordinator-2026", "/Coordinator");

        var offer = page.Locator($"#under-filled a.button[href='/Coordinator/Classes/{few}/Merge?into={into}']");
        await offer.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "coordinator-under-filled");
        await offer.ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        var residents = await page.Locator("#merge-residents").InnerTextAsync();
        Assert.Contains("統合 一郎", residents, StringComparison.Ordinal);
        Assert.Contains("電話連絡リスト", residents, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "coordinator-merge");
        await page.SubmitAndExpectRedirectAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "まとめて、元の教室を中止する" }).ClickAsync(), $"**/Coordinator/Classes/{into}/Roster");

        Assert.Contains("2件の予約を移し", await page.Locator(".status-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("統合 一郎", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "coordinator-merged-roster");
    }

    [Fact]
    public async Task EveryCoordinatorPage_PassesAxe()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 6);
        var page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FCoordinator");
        await page.GetByLabel("メールアドレス").FillAsync("coordinator@example.jp");
        await page.GetByLabel("パスワード").FillAsync("Demo-Coordinator-2026");
        await page.SubmitAndExpectRedirectAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync(), "**/Coordinator");

        // Book one resident by phone so the roster has a row with its buttons.
        await page.GotoAsync($"/Coordinator/Classes/{session}/ProxyBooking");
        await page.Locator("#Input_Name").FillAsync("電話 予約");
        await page.Locator("#Input_Kana").FillAsync("でんわ よやく");
        await page.Locator("#Input_Phone").FillAsync("090-3333-4444");
        await page.Locator("input[name='Input.Device'][value='IPhone']").CheckAsync();
        await page.SubmitAndExpectRedirectAsync(
            () => page.Locator("main form[method=post] button[type=submit]").ClickAsync(), $"**/Coordinator/Classes/{session}/Roster");
        Assert.Contains("予約を受け付けました", await page.Locator(".status-message").InnerTextAsync(), StringComparison.Ordinal);

        foreach (var (url, name) in new[]
        {
            ("/Coordinator", "coordinator-classes"),
            ($"/Coordinator/Classes/{session}/Roster", "coordinator-roster"),
            ($"/Coordinator/Classes/{session}/ProxyBooking?Lookup=090-3333-4444", "coordinator-proxy-booking"),
            ($"/Coordinator/Classes/{session}/Staff", "coordinator-staff"),
            ($"/Coordinator/Classes/Edit/{session}", "coordinator-edit-class"),
            ("/Coordinator/Classes/Series", "coordinator-series"),
            ($"/Coordinator/Classes/{session}/Cancel", "coordinator-cancel-class"),
            ("/Coordinator/Courses", "coordinator-courses"),
            ("/Coordinator/Bookings?Q=090-3333-4444", "coordinator-booking-search"),
            ("/Coordinator/Calls", "coordinator-calls"),
            ("/Coordinator/Dashboard", "coordinator-dashboard"),
            ("/Coordinator/Mail", "coordinator-mail"),
            ("/Coordinator/Courses/Edit", "coordinator-course-edit"),
        })
        {
            await page.GotoAsync(url);
            await Screenshots.SaveAsync(page, name);
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync($"/Coordinator/Classes/{session}/Roster");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Screenshots.SaveAsync(page, "coordinator-roster-print");
    }
}
