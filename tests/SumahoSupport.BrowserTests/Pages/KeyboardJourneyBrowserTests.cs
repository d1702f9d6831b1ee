using Microsoft.EntityFrameworkCore;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// The journeys a resident and a coordinator make, with the keyboard alone — Tab, Shift+Tab, Space, the arrow keys and
/// Enter; no mouse, no pointer events. (Booking and cancelling a class, answering a survey and typing paper surveys have
/// their own keyboard tests beside the pages they use.) Also the forms that forgive: the error summary leads to each
/// field, and a form sends once however often Enter is pressed.
/// </summary>
public sealed class KeyboardJourneyBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AResidentJoinsTheWaitingListOfAFullClass_WithTheKeyboardOnly()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 1);
        Assert.IsType<BookingResult.Booked>(await browser.App.BookAsync(session, TestData.Resident()));
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/Classes/{session}");

        await page.TabToAsync($"a[href='/Classes/{session}/Book']");
        await page.FollowAsync(() => page.Keyboard.PressAsync("Enter"), $"**/Classes/{session}/Book");
        Assert.Equal("キャンセル待ちの登録", await page.Locator("h1").InnerTextAsync());
        await TypeResidentAsync(page, "待機 花子", "たいき はなこ", "090-5151-0001");
        await page.TabToAsync("button[type=submit]");
        await page.SubmitAndExpectCheckStepAsync(() => page.Keyboard.PressAsync("Enter"));
        await page.TabToAsync("button[formaction*='handler=Confirm']");
        await page.SubmitAndExpectRedirectAsync(() => page.Keyboard.PressAsync("Enter"), "**/Bookings/*done=waitlisted*");

        // A waiting place is not a seat: amber, not the green of a booking, and nothing to print and bring.
        Assert.Equal("まだ確定していません", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("キャンセル待ち 1番目", await page.Locator(".booking-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-print]").CountAsync());
        await Screenshots.SaveAsync(page, "waiting-place-keyboard");
    }

    [Fact]
    public async Task AResidentBooksAConsultationByPhone_WithTheKeyboardOnly()
    {
        var date = JapaneseTime.TodayInTokyo(browser.App.Clock).AddDays(15);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        await browser.App.AddPhoneConsultationDayAsync(date, new TimeOnly(15, 0), new TimeOnly(16, 0));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Consultations");

        // A radio group takes one Tab; the arrow keys move within it.
        await page.ChooseRadioAsync("Place", "phone");
        await page.ChooseRadioAsync("Device", "IPhone");
        Assert.True(await page.Locator("input[name=Device][value=IPhone]").IsCheckedAsync());
        await page.TabToAsync("form[aria-label] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".time-list a");

        await page.TabToAsync(".time-list a");
        await page.FollowAsync(() => page.Keyboard.PressAsync("Enter"), "**/Consultations/Book?*");
        await page.TabToAsync("input[name=Topics][value=line]");
        await page.Keyboard.PressAsync("Space");
        await TypeResidentAsync(page, "相談 一郎", "そうだん いちろう", "090-5151-0002");
        await page.TabToAsync("button[type=submit]");
        await page.SubmitAndExpectCheckStepAsync(() => page.Keyboard.PressAsync("Enter"));
        await page.TabToAsync("button[formaction*='handler=Confirm']");
        await page.SubmitAndExpectRedirectAsync(() => page.Keyboard.PressAsync("Enter"), "**/Consultations/*done=booked*");

        Assert.Contains("ご予約を受け付けました", await page.Locator(".success").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("090-5151-0002", await page.Locator("#phone-to-call").InnerTextAsync());
    }

    [Fact]
    public async Task ACoordinatorTakesABookingByPhone_ChecksTheResidentIn_AndLogsAConsultation_WithTheKeyboardOnly()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(2));
        var page = await browser.NewPageAsync(1280, 900);
        await page.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword, "/Coordinator");

        // 電話で予約: the phone lookup first (nobody yet), then the resident's details, then 電話 as the channel.
        await page.GotoAsync($"/Coordinator/Classes/{session}/ProxyBooking");
        await page.TabToAsync("#Lookup");
        await page.Keyboard.InsertTextAsync("090-5151-0003");
        await page.FollowAsync(() => page.Keyboard.PressAsync("Enter"), "**Lookup=*");
        await TypeResidentAsync(page, "電話 予約子", "でんわ よやくこ", "090-5151-0003");
        await page.TabToAsync("main form[method=post] button[type=submit]");
        await page.SubmitAndExpectRedirectAsync(() => page.Keyboard.PressAsync("Enter"), $"**/Coordinator/Classes/{session}/Roster");
        Assert.Contains("予約を受け付けました", await page.Locator(".status-message").InnerTextAsync(), StringComparison.Ordinal);
        var code = await browser.App.WithDbAsync(db => db.Bookings.Where(b => b.ClassSessionId == session).Select(b => b.Code).SingleAsync());
        Assert.Equal(BookingChannel.Phone, await browser.App.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Channel).SingleAsync()));

        // 受付: the class has begun; the resident is checked in from the roster.
        browser.App.Clock.Advance(TimeSpan.FromHours(2.5));
        await page.GotoAsync($"/Coordinator/Classes/{session}/Roster");
        await page.TabToAsync($"tr[data-code='{code}'] button[name=attended][value=true]");
        await page.SubmitAndExpectRedirectAsync(() => page.Keyboard.PressAsync("Enter"), $"**/Coordinator/Classes/{session}/Roster*");
        Assert.Equal(BookingStatus.Attended, await browser.App.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Status).SingleAsync()));

        // 相談記録: a walk-in helped by a supporter who does not use the app.
        await page.GotoAsync("/Coordinator/Consultations/Logs/New");
        await page.TabToAsync("#SupporterId");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.ChooseRadioAsync("Input.Mode", "Phone");
        await page.TabToAsync("input[name='Input.Topics'][value=scam]");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("#Input_Minutes");
        await page.Keyboard.InsertTextAsync("２０");
        await page.TabToAsync("input[name='Input.Resolution']");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("main form[method=post] button[type=submit]");
        await page.SubmitAndExpectRedirectAsync(() => page.Keyboard.PressAsync("Enter"), "**/Coordinator/Consultations/Logs");
        Assert.Contains("迷惑メール・詐欺", await page.Locator("#logs").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheErrorSummary_TakesTheFocus_AndEachOfItsLinksPutsTheKeyboardInItsField_AndAFormSendsOnce()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 6);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/Classes/{session}/Book");
        await page.TabToAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#error-summary");

        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        foreach (var field in new[] { "Input_Name", "Input_Device", "Consent" })
        {
            await page.Locator("#error-summary").FocusAsync();
            await page.TabToAsync($"#error-summary a[href='#{field}']");
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal(field, await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }
        await Screenshots.SaveAsync(page, "book-form-error-summary");

        // Every field filled and checked, then 「この内容で予約する」 sent three times in the same instant, as an impatient
        // double (triple) press does: the button says it is sending at once, and one form reaches the server.
        await TypeResidentAsync(page, "連打 花子", "れんだ はなこ", "090-5151-0004");
        await page.SubmitAndExpectCheckStepAsync(() => page.Locator("main form[method=post] button[type=submit]").ClickAsync());
        var posts = 0;
        await page.RouteAsync($"**/Classes/{session}/Book?handler=Confirm", async route =>
        {
            if (route.Request.Method == "POST") Interlocked.Increment(ref posts);
            await route.ContinueAsync();
        });
        await page.SubmitAndExpectRedirectAsync(async () => Assert.Equal("送信しています… true", await page.EvaluateAsync<string>("""
            () => {
                const button = document.querySelector('main form[method=post] button[type=submit]');
                button.form.requestSubmit(button);
                const shown = button.textContent + ' ' + button.getAttribute('aria-disabled');
                button.form.requestSubmit(button);
                button.form.requestSubmit(button);
                return shown;
            }
            """)), "**/Bookings/*done=booked*");
        Assert.Equal(1, posts);
        Assert.Equal(1, await browser.App.WithDbAsync(db => db.Bookings.CountAsync(b => b.ClassSessionId == session)));
    }

    /// <summary>The resident's fields of the booking form, by Tab and typing; the first phone choice and consent, when asked.</summary>
    private static async Task TypeResidentAsync(Microsoft.Playwright.IPage page, string name, string kana, string phone)
    {
        await page.TabToAsync("#Input_Name", shiftToo: true);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(name);
        await page.TabToAsync("#Input_Kana");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(kana);
        await page.TabToAsync("#Input_Phone");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(phone);
        // A consultation's phone was chosen on the list of times and is not asked again.
        if (await page.Locator("input[type=radio][name='Input.Device']").CountAsync() > 0)
        {
            await page.TabToAsync("input[name='Input.Device']");
            await page.Keyboard.PressAsync("Space");
        }
        if (await page.Locator("#Consent").CountAsync() > 0 && !await page.Locator("#Consent").IsCheckedAsync())
        {
            await page.TabToAsync("#Consent");
            await page.Keyboard.PressAsync("Space");
        }
    }
}
