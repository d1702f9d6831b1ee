using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>The supporter pages in Chromium: applying by label and keyboard, a check test, availability, the certificate, and the coordinator's roster — each checked with axe.</summary>
public sealed class SupporterBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AVolunteerApplies_ASupporterTrains_AndTheSupporterPagesPassAxe()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync("/Supporter/Apply");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("お名前").FillAsync("青木 律子");
        await page.GetByLabel("ふりがな").FillAsync("あおき りつこ");
        await page.GetByLabel("電話番号").FillAsync("090-5555-0101");
        await page.GetByLabel("メールアドレス").FillAsync("aoki@example.jp");
        await page.GetByLabel("iPhone", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("火曜日 午後").CheckAsync();
        await page.GetByLabel("同意します").CheckAsync();
        await Screenshots.SaveAsync(page, "supporter-apply");
        await page.SubmitAndExpectRedirectAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "応募する" }).ClickAsync(), "**/Supporter/Apply?sent=True");
        Assert.Contains("ご応募ありがとうございます", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Equal(SupporterStatus.Applicant, await browser.App.WithDbAsync(db => db.Supporters.Where(s => s.Email == "aoki@example.jp").Select(s => s.Status).SingleAsync()));

        await page.SignInAsync("supporter@example.jp", "Demo-Supporter-2026", "/Supporter");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supporter-my-page");

        await page.GotoAsync("/Supporter/Training");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FollowAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "LINE", Exact = true }).ClickAsync(), "**/Supporter/Training/line");
        await Accessibility.AssertNoViolationsAsync(page);
        var right = await browser.App.WithDbAsync(db => db.TrainingQuestions.Where(q => db.TrainingModules.Any(m => m.Code == "line" && m.Id == q.TrainingModuleId))
            .OrderBy(q => q.Order).Select(q => q.CorrectChoice).ToListAsync());
        for (var i = 0; i < right.Count; i++)
        {
            await page.Locator($"input[name='Answers[{i}].Choice'][value='{right[i]}']").CheckAsync();
        }
        await page.SubmitAndExpectRedirectAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "答えを送る" }).ClickAsync(), "**/Supporter/Training/line");
        Assert.Contains("合格です", await page.Locator(".status-message").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "supporter-training-test");

        await page.GotoAsync("/Supporter/Availability");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("土曜日 午前").CheckAsync();
        await page.SubmitAndExpectRedirectAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "毎週の予定を保存する" }).ClickAsync(), "**/Supporter/Availability");
        Assert.True(await page.GetByLabel("土曜日 午前").IsCheckedAsync());
        await Screenshots.SaveAsync(page, "supporter-availability");

        foreach (var url in new[] { "/Supporter/Logs", "/Supporter/Logs/New" })
        {
            await page.GotoAsync(url);
            await Accessibility.AssertNoViolationsAsync(page);
        }
        await Screenshots.SaveAsync(page, "supporter-log-new");

        var certificate = await browser.App.WithDbAsync(db => db.Certifications.Where(c => c.Supporter.Email == "supporter@example.jp").Select(c => c.PublicId).FirstAsync());
        await page.GotoAsync($"/Certificates/{certificate}");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Screenshots.SaveAsync(page, "supporter-certificate-print");
    }

    [Fact]
    public async Task TheCoordinatorsSupporterPages_PassAxe()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await page.SignInAsync("coordinator@example.jp", "Demo-Coordinator-2026", "/Coordinator");

        var applicant = await browser.App.WithDbAsync(db => db.Supporters.Where(s => s.Status == SupporterStatus.Applicant).Select(s => s.Id).FirstAsync());
        var session = await browser.App.CreateSessionAsync(capacity: 8);
        foreach (var (url, name) in new[]
        {
            ("/Coordinator/Supporters", "coordinator-supporters"),
            ($"/Coordinator/Supporters/{applicant}", "coordinator-supporter"),
            ("/Coordinator/Supporters/Hours", "coordinator-supporter-hours"),
            ($"/Coordinator/Classes/{session}/Staff", "coordinator-staff-candidates"),
        })
        {
            await page.GotoAsync(url);
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.SaveAsync(page, name);
        }

        await page.GotoAsync($"/Coordinator/Supporters/{applicant}");
        await page.SubmitAndExpectRedirectAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "承認して研修を始める" }).ClickAsync(), $"**/Coordinator/Supporters/{applicant}");
        Assert.Equal("研修中", await page.Locator("#supporter-status").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
