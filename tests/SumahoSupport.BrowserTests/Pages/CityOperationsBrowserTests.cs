using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>The pages a city runs itself with — venues, accounts, the audit trail, a resident's record, the privacy notice, the two-step set-up — in Chromium, each checked with axe.</summary>
public sealed class CityOperationsBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACoordinatorAddsAVenueByLabels_AndTheCityPagesPassAxe()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync("/Privacy");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "privacy");

        await page.SignInAsync("coordinator@example.jp", "Demo-Coordinator-2026", "/Coordinator");
        await page.GotoAsync("/Coordinator/Venues/Edit");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("会場名", new() { Exact = true }).FillAsync("東コミュニティセンター");
        await page.GetByLabel("住所").FillAsync("みどり市東町2-3-4");
        await page.GetByLabel("当日の連絡先（電話）").FillAsync("0120-000-104");
        await page.GetByLabel("部屋と席数（1行に1室）").FillAsync("多目的室 10");
        await page.SubmitAndExpectRedirectAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync(), "**/Coordinator/Venues");
        Assert.Contains("東コミュニティセンター", await page.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "coordinator-venues");

        var session = await browser.App.CreateSessionAsync(capacity: 5);
        await browser.App.BookAsync(session, TestData.Resident(email: "kaiji@example.jp") with { Name = "開示 次郎" });
        var resident = await browser.App.WithDbAsync(db => db.Participants.Where(p => p.Email == "kaiji@example.jp").Select(p => p.Id).SingleAsync());
        await page.GotoAsync("/Coordinator/Residents");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync($"/Coordinator/Residents/{resident}");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "coordinator-resident-record");
        await page.GotoAsync("/Account/TwoFactor");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "account-two-factor");
        await page.GotoAsync("/Account/Manage");
        await Accessibility.AssertNoViolationsAsync(page);

        var admin = await browser.NewPageAsync(1280, 900);
        await admin.SignInAsync("admin@example.jp", "Demo-Admin-2026", "/Admin");
        foreach (var (url, shot) in new[] { ("/Admin", "admin"), ("/Admin/Accounts", "admin-accounts"), ("/Admin/Audit", "admin-audit") })
        {
            await admin.GotoAsync(url);
            await Accessibility.AssertNoViolationsAsync(admin);
            await Screenshots.SaveAsync(admin, shot);
        }
        await admin.GotoAsync("/Admin/Accounts");
        await admin.GotoAsync((await admin.GetByRole(AriaRole.Link, new() { Name = "coordinator@example.jp" }).GetAttributeAsync("href"))!);
        await Accessibility.AssertNoViolationsAsync(admin);
    }
}
