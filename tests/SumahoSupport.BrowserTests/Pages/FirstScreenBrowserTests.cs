using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Hosting;
using static SumahoSupport.Tests.Infrastructure.SitePages;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// On a 390 × 844 phone at 特大 — how many residents in their 80s read — every page a resident meets shows its own
/// heading on the first screen, in Japanese and in English: the menu and the display choices fold behind one メニュー
/// button instead of filling the screen.
/// </summary>
public sealed class FirstScreenBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task EveryResidentPage_ShowsItsHeading_OnTheFirstScreen_AtExtraLarge()
    {
        var samples = await SamplesAsync(browser.App);
        var problems = new List<string>();
        foreach (var language in new[] { "ja", "en" })
        {
            var page = await browser.NewPageAsync(Width, Height);
            await page.Context.ChooseAsync(browser.BaseAddress, language, TextSize.ExtraLarge);
            foreach (var (key, _) in SitePages.Pages(browser.App.Services))
            {
                var (access, address) = Expected[key];
                if (!Opens("resident", access) || key is "/Display" or "/Account/Logout") continue;
                var url = address(samples);
                var probe = await page.Context.APIRequest.GetAsync(url);
                if (!(probe.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))) continue;
                await page.GotoAsync(url);
                var bottom = await page.EvaluateAsync<double?>("document.querySelector('main h1, h1')?.getBoundingClientRect().bottom ?? null");
                if (bottom is not { } b) problems.Add($"{language} {url}: no <h1>");
                else if (b > Height) problems.Add($"{language} {url}: the <h1> ends at {b:0} px, below the first {Height} px");
            }
            await page.GotoAsync("/Classes");
            await Screenshots.SaveAsync(page, $"first-screen-classes-{language}-390-xlarge");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // The folded menu opens with one press, and everything in it is as it was.
        var phone = await browser.NewPageAsync(Width, Height);
        await phone.Context.ChooseAsync(browser.BaseAddress, "ja", TextSize.ExtraLarge);
        await phone.GotoAsync("/Classes");
        Assert.False(await phone.GetByRole(AriaRole.Link, new() { Name = "教室をさがす・予約する" }).First.IsVisibleAsync());
        await phone.Locator("summary.menu-button").ClickAsync();
        Assert.True(await phone.GetByRole(AriaRole.Link, new() { Name = "教室をさがす・予約する" }).First.IsVisibleAsync());
        await Accessibility.AssertNoViolationsAsync(phone);
        await Screenshots.SaveAsync(phone, "first-screen-menu-open-ja-390-xlarge");
    }
}
