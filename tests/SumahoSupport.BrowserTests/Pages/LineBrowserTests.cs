using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Hosting;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// A resident who chooses LINE on the booking form, on a 390 px phone at 特大: the 完了 page shows the two steps (add the
/// account, send the code), the code links their LINE, and the page then says so and offers to unlink. Japanese and
/// English; each step saved as a screenshot and checked by axe.
/// </summary>
public sealed class LineBrowserTests(LineBrowserApp browser) : IClassFixture<LineBrowserApp>
{
    [Theory]
    [InlineData("ja", "LINE（ライン）", "LINE とつながっています")]
    [InlineData("en", "LINE", "linked to your LINE")]
    public async Task AResidentChoosesLine_SeesTheCodeAfterBooking_AndThePageSaysWhenItIsLinked(string language, string choice, string linked)
    {
        var session = await browser.App.CreateSessionAsync(capacity: 4);
        var page = await browser.NewPageAsync(390, 844);
        await page.Context.ChooseAsync(browser.BaseAddress, language, TextSize.ExtraLarge);
        await page.GotoAsync($"/Classes/{session}/Book");
        await page.Locator("#Input_Name").FillAsync(language == "ja" ? "線 太郎" : "Taro Sen");
        if (language == "ja") await page.Locator("#Input_Kana").FillAsync("せん たろう");
        await page.Locator("#Input_Phone").FillAsync(TestData.NextPhone());
        await page.Locator("input[name='Input.Device'][value=IPhone]").CheckAsync();
        await page.GetByLabel(choice, new() { Exact = true }).CheckAsync();
        await Screenshots.SaveAsync(page, $"line-{language}-1-form");
        await page.Locator("#Consent").CheckAsync();
        await page.SubmitAndExpectCheckStepAsync(() => page.Locator("main form button[type=submit]").ClickAsync());
        await page.SubmitAndExpectRedirectAsync(() => page.Locator("button[formaction*='handler=Confirm']").ClickAsync(), "**/Bookings/*done=booked*");

        // Two groups of four, as it is read out; the webhook takes it with or without the space.
        var code = (await page.Locator(".link-code strong").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{4} [A-Z0-9]{4}$", code);
        Assert.Equal("https://lin.ee/midori-test", await page.Locator(".contact-panel a.button-primary").GetAttributeAsync("href"));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, $"line-{language}-2-done-with-code");

        // The printed 予約票 carries the QR and the code too, and stays one A4 sheet at 特大.
        // At the A4 page box's width, as PrintingBrowserTests prints.
        await page.SetViewportSizeAsync(680, 900);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Contains(code, await page.Locator(".slip .slip-line figcaption").InnerTextAsync(), StringComparison.Ordinal);
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, Path = Path.Combine(Screenshots.Directory, $"print-slip-line-{language}.pdf") });
        var sheets = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.True(sheets == 1, $"the slip with LINE's code prints on {sheets} sheets");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.SetViewportSizeAsync(390, 844);

        // The resident sends the code in the chat; LINE posts it, signed, to the webhook.
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        using (var answer = await browser.Line.SendAsync(http, [LineStandIn.TextEvent(LineStandIn.NewUserId(), code)]))
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        await page.ReloadAsync();
        Assert.Contains(linked, await page.Locator(".contact-panel").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".link-code").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, $"line-{language}-3-linked");
    }
}
