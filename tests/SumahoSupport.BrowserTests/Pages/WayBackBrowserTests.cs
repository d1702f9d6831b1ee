using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Hosting;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// A resident of 80 on a 390 × 844 phone at 特大, in Japanese and in English, who has no e-mail and no slip: finds the
/// way back from the footer, opens their waiting place with its 予約番号 and phone, and reads that it is not a seat.
/// </summary>
public sealed class WayBackBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("ja", "予約を確認・キャンセルする", "予約番号", "予約のときの電話番号", "予約を開く", "まだ確定していません")]
    [InlineData("en", "Check or cancel a booking", "Booking number", "Phone number you booked with", "Open my booking", "Not confirmed yet")]
    public async Task AResidentWithoutEmail_OpensTheirWaitingPlaceFromTheFooter_AndReadsItIsNotASeat(
        string language, string footerLink, string codeLabel, string phoneLabel, string button, string heading)
    {
        var session = await browser.App.CreateSessionAsync(capacity: 1);
        Assert.IsType<BookingResult.Booked>(await browser.App.BookAsync(session, TestData.Resident()));
        var phone = TestData.NextPhone();
        var waiting = Assert.IsType<BookingResult.Waitlisted>(await browser.App.BookAsync(session, TestData.Resident(phone)));
        var page = await browser.NewPageAsync(390, 844);
        await page.Context.ChooseAsync(browser.BaseAddress, language, TextSize.ExtraLarge);

        await page.GotoAsync("/");
        await page.FollowAsync(() => page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = footerLink }).ClickAsync(), "**/Bookings/Find");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, $"way-back-find-{language}-390-xlarge");
        // As typed from a slip read aloud: small letters without the hyphen, the phone with hyphens.
        await page.GetByLabel(codeLabel).FillAsync(waiting.Code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        await page.GetByLabel(phoneLabel).FillAsync(PhoneNumber.Format(phone));
        await page.SubmitAndExpectRedirectAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync(), $"**/Bookings/{waiting.Code}?token=*");

        Assert.StartsWith(heading, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-print]").CountAsync());
        Assert.Equal(0, await page.Locator(".success").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, $"way-back-waiting-place-{language}-390-xlarge");
    }
}
