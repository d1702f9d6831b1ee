using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// A resident books a consultation by labels and clicks in Chromium, a coordinator hands it to another supporter, records a
/// walk-in and reads the analysis; every consultation page passes axe.
/// </summary>
public sealed class ConsultationBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AResidentBooksAConsultation_AndTheConsultationPagesPassAxe()
    {
        // By phone, on a weekday afternoon two weeks ahead: the demo supporters help on weekdays until 17:00.
        var date = JapaneseTime.TodayInTokyo(browser.App.Clock).AddDays(14);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        await browser.App.AddPhoneConsultationDayAsync(date, new TimeOnly(16, 0), new TimeOnly(17, 0));

        var page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync("/Consultations");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("電話で相談").CheckAsync();
        await page.GetByLabel("iPhone（アイフォーン）").CheckAsync();
        await page.FollowAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "空いている時間を見る" }).ClickAsync(), "**/Consultations?*");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "consultation-times");
        await page.FollowAsync(() => page.Locator(".time-list a").First.ClickAsync(), "**/Consultations/Book?*");

        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("マイナポータル").CheckAsync();
        await page.GetByLabel("お名前").FillAsync("電話 相談子");
        await page.GetByLabel("ふりがな").FillAsync("でんわ そうだんこ");
        await page.GetByLabel("電話番号").FillAsync("090-7777-0101");
        await page.GetByLabel("個人情報の取り扱いに同意します").CheckAsync();
        await Screenshots.SaveAsync(page, "consultation-book");
        await page.SubmitAndExpectCheckStepAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).ClickAsync());
        Assert.Equal("090-7777-0101", await page.Locator(".review-phone").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "consultation-check");
        await page.SubmitAndExpectRedirectAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "この内容で予約する" }).ClickAsync(), "**/Consultations/*");
        Assert.Contains("ご予約を受け付けました", await page.Locator(".success").InnerTextAsync(), StringComparison.Ordinal);
        // A phone consultation's slip shows the number the supporter will call, so a mistyped one is noticed in time.
        Assert.Equal("090-7777-0101", await page.Locator("#phone-to-call").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Screenshots.SaveAsync(page, "consultation-slip-print");
        Assert.Equal(1, await browser.App.WithDbAsync(db => db.ConsultationBookings.CountAsync(b => b.Participant.Kana == "でんわ そうだんこ")));

        var coordinator = await browser.NewPageAsync(1280, 900);
        await coordinator.SignInAsync("coordinator@example.jp", "Demo-Coordinator-2026", "/Coordinator");
        await coordinator.GotoAsync("/Coordinator/Consultations");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await Screenshots.SaveAsync(coordinator, "coordinator-consultations");

        // The coordinator hands the consultation to another supporter.
        await coordinator.FollowAsync(
            () => coordinator.Locator("#consultations tbody tr").Filter(new() { HasText = "電話 相談子" }).GetByRole(AriaRole.Link).ClickAsync(),
            "**/Coordinator/Consultations/*");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        var before = await coordinator.Locator("#consultation-supporter").InnerTextAsync();
        var other = await coordinator.Locator("#SupporterId option:not([disabled])").First.GetAttributeAsync("value");
        await coordinator.GetByLabel("新しい担当").SelectOptionAsync(other!);
        await Screenshots.SaveAsync(coordinator, "coordinator-consultation");
        await coordinator.SubmitAndExpectRedirectAsync(() => coordinator.GetByRole(AriaRole.Button, new() { Name = "担当を替える" }).ClickAsync(), "**/Coordinator/Consultations/*");
        Assert.NotEqual(before, await coordinator.Locator("#consultation-supporter").InnerTextAsync());
        Assert.Contains("担当の支援員を替えました", await coordinator.Locator(".success").InnerTextAsync(), StringComparison.Ordinal);

        // A walk-in recorded for a supporter who does not use the app, then the records and the analysis.
        await coordinator.GotoAsync("/Coordinator/Consultations/Logs/New");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await coordinator.GetByLabel("相談を受けた支援員").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await coordinator.GetByLabel("電話で相談").CheckAsync();
        await coordinator.GetByLabel("迷惑メール・詐欺").CheckAsync();
        await coordinator.GetByLabel("かかった時間（分）").FillAsync("25");
        await coordinator.GetByLabel("一部解決した").CheckAsync();
        await coordinator.GetByLabel("フォローが必要（もう一度の相談や連絡）").CheckAsync();
        await coordinator.SubmitAndExpectRedirectAsync(() => coordinator.GetByRole(AriaRole.Button, new() { Name = "記録を保存する" }).ClickAsync(), "**/Coordinator/Consultations/Logs");
        Assert.Contains("迷惑メール・詐欺", await coordinator.Locator("#logs").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await Screenshots.SaveAsync(coordinator, "coordinator-consultation-logs");
        await coordinator.GotoAsync("/Coordinator/Consultations/Analytics");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        Assert.Contains("1件", await coordinator.Locator("#consultation-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(coordinator, "coordinator-consultation-analytics");
    }
}
