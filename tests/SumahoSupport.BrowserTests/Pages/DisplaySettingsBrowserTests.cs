using SumahoSupport.BrowserTests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// 特大 and 白黒反転 chosen from the header's links, at the narrowest phone width: the text is larger, nothing makes the
/// page scroll sideways, and axe still finds no violation (contrast included) on the pages a resident books from.
/// </summary>
public sealed class DisplaySettingsBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/", "home")]
    [InlineData("/Classes", "classes")]
    [InlineData("/Consultations", "consultations")]
    public async Task ExtraLargeAndInverted_AtThreeHundredTwentyPixels_NeitherOverflowNorFailAxe(string url, string name)
    {
        var page = await browser.NewPageAsync(320, 800);
        await page.GotoAsync(url);
        foreach (var choice in new[] { "特大", "白黒反転" })
        {
            // Following the link's address (which redirects back) rather than clicking keeps the wait deterministic.
            var link = await page.Locator(".display-bar a", new() { HasTextString = choice }).GetAttributeAsync("href");
            await page.GotoAsync(link!);
            Assert.Equal(url, new Uri(page.Url).AbsolutePath);
        }

        Assert.Equal("26px", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize"));
        Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        var (scroll, viewport) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
            ".slice(0, 6).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')");
        Assert.True(scroll <= viewport, $"{url} is {scroll}px wide in a {viewport}px window: {string.Join(", ", wide)}");
        await Screenshots.SaveAsync(page, $"{name}-xlarge-inverted-320");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
