using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

public sealed class PublicPagesBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Home_ShowsTheNextClassesAndPassesAxe()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("スマホの使い方を、いっしょに。", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(6, await page.Locator(".class-card").CountAsync());
        await Screenshots.SaveAsync(page, "home-mobile");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Classes_ShowsEverySeededClassWithItsSeatsAndPassesAxe()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Classes");
        var cards = page.Locator(".class-card");
        Assert.Equal(20, await cards.CountAsync());
        Assert.True(await page.Locator("a[rel=next]").IsVisibleAsync());
        var first = cards.First;
        Assert.Matches(@"^\d{1,2}月\d{1,2}日\(.\) \d{1,2}:\d{2}〜\d{1,2}:\d{2}$", await first.Locator("time").InnerTextAsync());
        Assert.Matches(@"^残り\d+席$", await first.Locator(".badge").InnerTextAsync());
        await Screenshots.SaveAsync(page, "classes-mobile");
        await Accessibility.AssertNoViolationsAsync(page);

        var desktop = await browser.NewPageAsync(1280, 900);
        await desktop.GotoAsync("/Classes");
        await Screenshots.SaveAsync(desktop, "classes-desktop");
    }

    [Fact]
    public async Task BaseTextIsEighteenPixelsAndButtonsAreAtLeast44High()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var fontSize = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontSize");
        Assert.Equal("18px", fontSize);
        foreach (var target in await page.Locator("a.button, button, .nav-link").AllAsync())
        {
            var box = await target.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Height >= 44, $"'{await target.InnerTextAsync()}' is {box.Height}px high");
        }
    }

    [Fact]
    public async Task Keyboard_FirstTabReachesTheSkipLinkWhichMovesFocusToTheContent()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync("/Classes");
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        Assert.Equal("本文へ移動", await focused.InnerTextAsync());
        var outline = await focused.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.Equal("solid", outline);
        await page.Keyboard.PressAsync("Enter");
        // Asked of the page itself: page.Url follows the fragment's navigation event, which may arrive after
        // PressAsync returns (a CI run read "/Classes" without "#main").
        await page.WaitForFunctionAsync(
            "() => location.hash === '#main' && document.activeElement?.id === 'main'",
            null, new PageWaitForFunctionOptions { Timeout = 5_000 });
    }

    [Theory]
    [InlineData("/Accessibility", "accessibility")]
    [InlineData("/Account/Login", "login")]
    [InlineData("/no-such-page", "not-found")]
    public async Task OtherPublicPages_PassAxe(string url, string screenshot)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await Screenshots.SaveAsync(page, screenshot);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Coordinator_SignsInWithTheKeyboardAndTheirPagePassesAxe()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync("/Coordinator");
        await page.GetByLabel("メールアドレス").FillAsync("coordinator@example.jp");
        await page.GetByLabel("パスワード").FillAsync("Demo-Coordinator-2026");
        await page.SubmitAndExpectRedirectAsync(() => page.GetByLabel("パスワード").PressAsync("Enter"), "**/Coordinator");
        Assert.True(await page.Locator("table.data-table tbody tr").CountAsync() > 0);
        await Screenshots.SaveAsync(page, "coordinator-home");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
