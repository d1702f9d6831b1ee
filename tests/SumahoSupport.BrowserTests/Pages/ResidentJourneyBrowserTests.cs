using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Hosting;
using SumahoSupport.Web.Pages.Classes;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// A resident's whole way, as the issue walks it: 来週 and an area → the class → 入力 → 確認 (the phone shown back) → 完了
/// (the phone repeated) → the booking found again by 予約番号 and phone, without the slip → moved to the other date →
/// cancelled. On a 390 px phone at 特大 and at 1280 px, in Japanese and in English; every step saved as a screenshot.
/// </summary>
public sealed class ResidentJourneyBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new(StringComparer.Ordinal)
    {
        ["ja"] = new(StringComparer.Ordinal)
        {
            ["next-week"] = "来週", ["check"] = "入力内容の確認", ["done"] = "ご予約を受け付けました", ["moved"] = "日にちを変更しました",
            ["cancelled"] = "キャンセルしました", ["find"] = "予約を確認・キャンセルする", ["move"] = "日にちを変える（振替）",
        },
        ["en"] = new(StringComparer.Ordinal)
        {
            ["next-week"] = "Next week", ["check"] = "Check your details", ["done"] = "Your booking is confirmed", ["moved"] = "Your booking is moved",
            ["cancelled"] = "Cancelled", ["find"] = "Check or cancel a booking", ["move"] = "Move to another date",
        },
    };

    [Theory]
    [InlineData("ja", 390, TextSize.ExtraLarge)]
    [InlineData("en", 390, TextSize.ExtraLarge)]
    [InlineData("ja", 1280, TextSize.Standard)]
    [InlineData("en", 1280, TextSize.Standard)]
    public async Task NextWeekInAnArea_CheckedAndBooked_FoundAgainWithoutTheSlip_MovedAndCancelled(string language, int width, TextSize size)
    {
        var words = Words[language];
        var (first, second) = await TwoDatesNextWeekAsync();
        var area = await browser.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.ClassSessions.Where(s => s.Id == first).Select(s => s.Venue.Area!)));
        var shot = $"journey-{language}-{width}";
        var page = await browser.NewPageAsync(width, 844);
        await page.Context.ChooseAsync(browser.BaseAddress, language, size);

        // 来週, then the area: each one tap, each keeping the other.
        await page.GotoAsync("/Classes");
        await page.FollowAsync(() => page.Locator(".date-shortcuts a", new() { HasTextString = words["next-week"] }).First.ClickAsync(), "**Filter.From=*");
        await page.FollowAsync(() => page.Locator(".area-choices a", new() { HasTextString = area }).ClickAsync(), "**Filter.Area=*");
        Assert.Contains("Filter.From=", page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, $"{shot}-1-next-week-in-area");
        await page.FollowAsync(() => page.Locator($".class-card a[href='/Classes/{first}']").First.ClickAsync(), $"**/Classes/{first}");
        await page.FollowAsync(() => page.Locator($"main a[href='/Classes/{first}/Book']").First.ClickAsync(), $"**/Classes/{first}/Book");

        // 入力: no e-mail; in English the kana reading is left out.
        await page.Locator("#Input_Name").FillAsync(language == "ja" ? "旅路 花子" : "Hana Tabiji");
        if (language == "ja") await page.Locator("#Input_Kana").FillAsync("たびじ はなこ");
        await page.Locator("#Input_Phone").FillAsync("０９０２４６８１３５７");
        await page.Locator("input[name='Input.Device'][value=Android]").CheckAsync();
        await page.Locator("#Consent").CheckAsync();
        await page.SubmitAndExpectCheckStepAsync(() => page.Locator("main form button[type=submit]").ClickAsync());

        // 確認: nothing booked yet, the phone as it will be dialled.
        Assert.Equal(words["check"], await page.Locator("h1").InnerTextAsync());
        Assert.Equal("090-2468-1357", await page.Locator(".review-phone").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, $"{shot}-2-check");
        await page.SubmitAndExpectRedirectAsync(() => page.Locator("button[formaction*='handler=Confirm']").ClickAsync(), "**/Bookings/*done=booked*");

        // 完了: the phone again, the code large.
        Assert.Equal(words["done"], await page.Locator("h1").InnerTextAsync());
        Assert.Equal("090-2468-1357", await page.Locator(".slip-phone").InnerTextAsync());
        var code = await page.Locator(".booking-code strong").InnerTextAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, $"{shot}-3-done");

        // The slip is lost: another phone, from the footer, by 予約番号 and phone.
        var again = await browser.NewPageAsync(width, 844);
        await again.Context.ChooseAsync(browser.BaseAddress, language, size);
        await again.GotoAsync("/");
        await again.FollowAsync(() => again.Locator("footer").GetByRole(AriaRole.Link, new() { Name = words["find"] }).ClickAsync(), "**/Bookings/Find");
        await again.Locator("#Input_Code").FillAsync(code);
        await again.Locator("#Input_Phone").FillAsync("090-2468-1357");
        await again.SubmitAndExpectRedirectAsync(() => again.Locator("main form button[type=submit]").ClickAsync(), $"**/Bookings/{code}?token=*");

        // 振替 to the other date of the week.
        await again.FollowAsync(() => again.GetByRole(AriaRole.Link, new() { Name = words["move"] }).ClickAsync(), $"**/Bookings/{code}/Move?token=*");
        await Accessibility.AssertNoViolationsAsync(again);
        await Screenshots.SaveAsync(again, $"{shot}-4-move");
        await again.Locator($"input[name=ToSessionId][value='{second}']").CheckAsync();
        await again.SubmitAndExpectRedirectAsync(() => again.Locator("main form button[type=submit]").ClickAsync(), "**/Bookings/*done=moved*");
        Assert.Equal(words["moved"], await again.Locator("h1").InnerTextAsync());
        Assert.Equal(code, await again.Locator(".booking-code strong").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(again);
        await Screenshots.SaveAsync(again, $"{shot}-5-moved");

        // And cancelled, after being asked once more.
        await again.FollowAsync(() => again.Locator("a.button-danger-outline").ClickAsync(), "**/Cancel?token=*");
        await again.SubmitAndExpectRedirectAsync(() => again.Locator("button.button-danger").ClickAsync(), "**/Bookings/*done=cancelled*");
        Assert.Equal(words["cancelled"], await again.Locator("h1").InnerTextAsync());
        await Screenshots.SaveAsync(again, $"{shot}-6-cancelled");
    }

    /// <summary>Two classes of one course at 10:00 on the first two days of next week that are not holidays, at a venue with an area.</summary>
    private async Task<(int First, int Second)> TwoDatesNextWeekAsync()
    {
        var holidays = browser.App.Services.GetRequiredService<HolidayCalendar>();
        var (_, monday, sunday) = ClassFilter.Shortcuts(JapaneseTime.TodayInTokyo(browser.App.Clock))[1];
        var days = Enumerable.Range(0, 7).Select(monday.AddDays).Where(d => d <= sunday && holidays.NameOf(d) is null).Take(2).ToList();
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        var ids = new List<int>();
        foreach (var day in days) ids.Add(await browser.App.CreateSessionAsync(capacity: 4, startsIn: JapaneseTime.ToUtc(day.ToDateTime(new TimeOnly(10, 0))) - now));
        return (ids[0], ids[1]);
    }
}
