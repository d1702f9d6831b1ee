using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

public sealed class BookingBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Resident_BooksWithTheKeyboardOnly_PrintsTheSlip_AndCancels()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 6);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/Classes/{session}");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.TabToAsync($"a[href='/Classes/{session}/Book']");
        await page.FollowAsync(() => page.Keyboard.PressAsync("Enter"), $"**/Classes/{session}/Book");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.TabToAsync("#Input_Name");
        await page.Keyboard.InsertTextAsync("山田 花子");
        await page.TabToAsync("#Input_Kana");
        await page.Keyboard.InsertTextAsync("ヤマダ ハナコ");
        await page.TabToAsync("#Input_Phone");
        await page.Keyboard.InsertTextAsync("０９０－１２１２－３４３４");
        await page.TabToAsync("input[name='Input.Device']");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.TabToAsync("input[name='Input.NeedChoices'][value='目が見えにくい']");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("input[name='Consent']");
        await page.Keyboard.PressAsync("Space");
        await Screenshots.SaveAsync(page, "book-form-filled");
        await page.TabToAsync("button[type=submit]");
        await page.SubmitAndExpectCheckStepAsync(() => page.Keyboard.PressAsync("Enter"));
        // 確認: the phone as it will be dialled, nothing booked yet.
        Assert.Equal("090-1212-3434", await page.Locator(".review-phone").InnerTextAsync());
        Assert.Equal(0, await browser.App.WithDbAsync(db => db.Bookings.CountAsync(b => b.ClassSessionId == session)));
        await Screenshots.SaveAsync(page, "book-check");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.TabToAsync("button[formaction*='handler=Confirm']");
        await page.SubmitAndExpectRedirectAsync(() => page.Keyboard.PressAsync("Enter"), "**/Bookings/*done=booked*");
        Assert.Equal("ご予約を受け付けました", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("090-1212-3434", await page.Locator(".slip-phone").InnerTextAsync());
        var code = await page.Locator(".booking-code strong").InnerTextAsync();
        Assert.Matches("^[A-Z0-9]{3}-[A-Z0-9]{3}$", code);
        Assert.Contains("スマホは会場でお貸しします", await page.Locator(".slip").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "booking-confirmed");
        await Accessibility.AssertNoViolationsAsync(page);

        // The 予約票 as printed: A4, no navigation or buttons, the slip and its QR code kept.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var headerNavs = await page.Locator(".site-header nav").AllAsync(); // the menu and the 文字サイズ・背景色 links
        Assert.Equal(2, headerNavs.Count);
        foreach (var nav in headerNavs) Assert.False(await nav.IsVisibleAsync());
        Assert.False(await page.Locator("[data-print]").IsVisibleAsync());
        // Both codes survive printing: the manage link and the survey for after the class.
        Assert.Equal(2, await page.Locator(".slip-qr img").CountAsync());
        foreach (var qr in await page.Locator(".slip-qr img").AllAsync()) Assert.True(await qr.IsVisibleAsync());
        // Printed at least at 大, the date and place largest (15pt × 1.3 ≈ 26px), the map link giving way to the address.
        var dateSize = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('.slip .slip-when dd')).fontSize)");
        Assert.True(dateSize >= 26, $"the printed date is {dateSize}px");
        Assert.False(await page.Locator(".slip .map-link").IsVisibleAsync());
        Assert.True(await page.Locator(".slip .slip-where").IsVisibleAsync());
        await Screenshots.SaveAsync(page, "booking-slip-print");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Path = Path.Combine(Screenshots.Directory, "booking-slip.pdf") });
        Assert.True(pdf.Length > 10_000, $"the printed slip is only {pdf.Length} bytes");
        // One sheet: the codes beside the text, not sent to a second page.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        await page.TabToAsync("a.button-danger-outline");
        await page.FollowAsync(() => page.Keyboard.PressAsync("Enter"), "**/Cancel?token=*");
        Assert.Equal("予約をキャンセルしますか？", await page.Locator("h1").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.TabToAsync("button.button-danger");
        await page.SubmitAndExpectRedirectAsync(() => page.Keyboard.PressAsync("Enter"), "**/Bookings/*done=cancelled*");
        Assert.Equal("キャンセルしました", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("キャンセル済み", await page.Locator(".booking-status .badge").InnerTextAsync());
        await Screenshots.SaveAsync(page, "booking-cancelled");
    }

    [Fact]
    public async Task BookingForm_WithMistakes_MovesNothingAndExplainsEachField()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 6);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/Classes/{session}/Book");
        await page.Locator("#Input_Kana").FillAsync("山田");
        await page.Locator("#Input_Phone").FillAsync("123");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Equal("ふりがなは、ひらがなかカタカナで入力してください。", await page.Locator("#Input_Kana-error").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#Input_Kana").GetAttributeAsync("aria-invalid"));
        await Screenshots.SaveAsync(page, "book-form-errors");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ClassList_FiltersByVenueAndPassesAxe()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Classes");
        var all = await page.Locator(".class-card").CountAsync();
        await page.Locator("summary").ClickAsync();
        await page.Locator("#Filter_Venue").SelectOptionAsync(new SelectOptionValue { Label = "北部公民館" });
        await page.FollowAsync(() => page.Locator(".filter-form button[type=submit]").ClickAsync(), "**Filter.Venue=*");
        var filtered = await page.Locator(".class-card").CountAsync();
        Assert.InRange(filtered, 1, all - 1);
        Assert.All(await page.Locator(".class-card .class-facts div:nth-child(2) dd").AllInnerTextsAsync(), v => Assert.Equal("北部公民館", v));
        await Screenshots.SaveAsync(page, "classes-filtered");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
