using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

public sealed class BookingPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Form(string phone, string kana = "ヤマダ ハナコ", string name = "山田 花子") => new()
    {
        ["Input.Name"] = name,
        ["Input.Kana"] = kana,
        ["Input.Phone"] = phone,
        ["Input.Device"] = nameof(DeviceType.None),
        ["Input.AgeBand"] = nameof(AgeBand.Eighties),
        ["Input.NeedChoices"] = "耳が聞こえにくい",
        ["Consent"] = "true",
    };

    private async Task<(HttpClient Client, IHtmlDocument Page, string Location)> BookAndFollowAsync(int session, Dictionary<string, string> form)
    {
        var client = app.CreateBrowserLikeClient();
        using var posted = await client.SubmitAndConfirmAsync($"/Classes/{session}/Book", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        return (client, await client.GetDocumentAsync(location), location);
    }

    [Fact]
    public async Task Details_ShowsGoalsVenueAccessAndTheBookButton()
    {
        var session = await app.CreateSessionAsync(capacity: 8);
        var page = await app.CreateBrowserLikeClient().GetDocumentAsync($"/Classes/{session}");
        Assert.NotEmpty(page.QuerySelectorAll(".goal-list li"));
        Assert.Contains("バリアフリー", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Classes/{session}/Book", page.QuerySelector("a.button-primary")!.GetAttribute("href"));
        Assert.Equal("残り8席", page.QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public async Task UnknownClass_Is404()
    {
        using var response = await app.CreateBrowserLikeClient().GetAsync("/Classes/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Book_WithFullWidthPhoneAndKatakana_ConfirmsAndShowsTheSlipWithCodeAndQr()
    {
        var session = await app.CreateSessionAsync(capacity: 8);
        var (_, page, location) = await BookAndFollowAsync(session, Form("０９０－５５５５－０００１"));

        Assert.Contains("done=booked", location, StringComparison.Ordinal);
        Assert.Equal("ご予約を受け付けました", page.QuerySelector("h1")!.TextContent);
        var code = page.QuerySelector(".booking-code strong")!.TextContent;
        Assert.Matches("^[A-Z0-9]{3}-[A-Z0-9]{3}$", code);
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector(".slip-qr img")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("（スマホは会場でお貸しします）", page.QuerySelector(".slip")!.TextContent, StringComparison.Ordinal);

        var booking = await app.WithDbAsync(db => db.Bookings.Include(b => b.Participant).SingleAsync(b => b.Code == code));
        Assert.Equal("09055550001", booking.Participant.Phone);
        Assert.Equal("やまだ はなこ", booking.Participant.Kana);
        Assert.Equal("耳が聞こえにくい", booking.Participant.Needs);
        Assert.True(booking.NeedsLoanerDevice);
        Assert.Equal(BookingChannel.Web, booking.Channel);
    }

    [Fact]
    public async Task Book_Reloading_TheConfirmationNeverBooksTwice()
    {
        var session = await app.CreateSessionAsync(capacity: 8);
        var (client, _, location) = await BookAndFollowAsync(session, Form(TestData.NextPhone()));
        await client.GetDocumentAsync(location);
        await client.GetDocumentAsync(location);
        Assert.Single(await app.BookingsOfAsync(session));
    }

    [Fact]
    public async Task Book_EmptyForm_NamesEveryMissingFieldInJapaneseNextToTheField()
    {
        var session = await app.CreateSessionAsync(capacity: 8);
        using var response = await app.CreateBrowserLikeClient().SubmitFormAsync($"/Classes/{session}/Book", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("お名前を入力してください。", page.QuerySelector("#Input_Name-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Name-error", page.QuerySelector("#Input_Name")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        foreach (var message in new[] { "ふりがなを入力してください。", "電話番号を入力してください。", "お使いのスマホを選んでください。", "個人情報の取り扱いに同意してください。" })
            Assert.Contains(message, summary, StringComparison.Ordinal);
        Assert.Empty(await app.BookingsOfAsync(session));
    }

    [Fact]
    public async Task Book_BadKanaAndPhone_KeepWhatWasTypedAndExplain()
    {
        var session = await app.CreateSessionAsync(capacity: 8);
        var form = Form("12345");
        form["Input.Kana"] = "山田";
        using var response = await app.CreateBrowserLikeClient().SubmitFormAsync($"/Classes/{session}/Book", form);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("ふりがなは、ひらがなかカタカナで入力してください。", page.QuerySelector("#Input_Kana-error")!.TextContent);
        Assert.StartsWith("電話番号は「090-1234-5678」", page.QuerySelector("#Input_Phone-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("山田 花子", page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("input[name='Input.NeedChoices'][value='耳が聞こえにくい']")!.IsChecked);
    }

    [Fact]
    public async Task TheBookingForm_TellsThePrivacyNoticeOnce_BesideTheConsent_WithALinkToTheWholePolicy()
    {
        var session = await app.CreateSessionAsync(capacity: 4);
        var page = await app.CreateBrowserLikeClient().GetDocumentAsync($"/Classes/{session}/Book");

        var ids = page.All.Select(e => e.Id).OfType<string>().Where(id => id.Length > 0).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var notice = Assert.Single(page.QuerySelectorAll("main form .privacy-notice"));
        Assert.Same(notice.ParentElement, page.QuerySelector("#Consent")!.Closest(".field"));
        Assert.NotNull(notice.QuerySelector("a[href='/Privacy']"));
        Assert.Contains("privacy-notice", page.QuerySelector("#Consent")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_WhenFull_OffersTheWaitingListAndShowsThePosition()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        await app.BookAsync(session, TestData.Resident());
        var bookPage = await app.CreateBrowserLikeClient().GetDocumentAsync($"/Classes/{session}/Book");
        Assert.Equal("キャンセル待ちの登録", bookPage.QuerySelector("h1")!.TextContent);
        using (var check = await app.CreateBrowserLikeClient().SubmitFormAsync($"/Classes/{session}/Book", Form(TestData.NextPhone())))
            Assert.Equal("キャンセル待ちに登録する", (await Forms.ParseAsync(check)).QuerySelector("button[formaction*='handler=Confirm']")!.TextContent);

        var (_, page, _) = await BookAndFollowAsync(session, Form(TestData.NextPhone()));
        Assert.Equal("まだ確定していません", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("キャンセル待ちに登録しました。", page.QuerySelector(".notice.waiting")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("キャンセル待ち 1番目", page.QuerySelector(".booking-status .badge")!.TextContent);
    }

    [Fact]
    public async Task Book_SamePhoneAgain_GetsAMessageWithTheWayToTheBooking_NeverTheBookingItself()
    {
        var session = await app.CreateSessionAsync(capacity: 8);
        var phone = TestData.NextPhone();
        var (_, first, _) = await BookAndFollowAsync(session, Form(phone));
        var code = first.QuerySelector(".booking-code strong")!.TextContent;

        foreach (var form in new[] { Form(phone), Form(phone, kana: "すずき たろう", name: "鈴木 太郎") })
        {
            using var again = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{session}/Book", form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
            var page = await Forms.ParseAsync(again);
            Assert.Contains("この電話番号では、この教室にお申し込みいただけません", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(code, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Single(await app.BookingsOfAsync(session));
    }

    [Fact]
    public async Task BookingPage_WithoutTheRightToken_Is404()
    {
        var session = await app.CreateSessionAsync(capacity: 8);
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var client = app.CreateBrowserLikeClient();
        foreach (var url in new[] { $"/Bookings/{booked.Code}", $"/Bookings/{booked.Code}?token=wrong", $"/Bookings/{booked.Code}/Cancel?token=wrong" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var ok = await client.GetAsync($"/Bookings/{booked.Code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)}?token={booked.Token}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Cancel_AfterConfirming_CancelsAndPromotesTheNextInLine()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var (client, page, location) = await BookAndFollowAsync(session, Form(TestData.NextPhone()));
        var waiting = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));
        var cancelLink = page.QuerySelector("a.button-danger-outline")!.GetAttribute("href")!;

        var confirm = await client.GetDocumentAsync(cancelLink);
        Assert.Equal("予約をキャンセルしますか？", confirm.QuerySelector("h1")!.TextContent);
        using var cancelled = await client.SubmitFormAsync(cancelLink, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var after = await client.GetDocumentAsync(cancelled.Headers.Location!.OriginalString);
        Assert.Equal("キャンセルしました", after.QuerySelector("h1")!.TextContent);
        Assert.Equal("キャンセル済み", after.QuerySelector(".booking-status .badge")!.TextContent);
        // A record, not a ticket: no slip to print, no code to cancel with, but the way to another class.
        Assert.Null(after.QuerySelector("[data-print]"));
        Assert.Null(after.QuerySelector(".slip-qr"));
        Assert.DoesNotContain("予約をキャンセルできます", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Classes", after.QuerySelector("main a.button-primary")!.GetAttribute("href"));
        Assert.Equal(BookingStatus.Confirmed, (await app.BookingsOfAsync(session)).Single(b => b.Code == waiting.Code).Status);
        Assert.Contains("done=booked", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_AfterTheCutoff_ShowsNoFormButThePhoneNumber()
    {
        var session = await app.CreateSessionAsync(capacity: 8, startsIn: TimeSpan.FromMinutes(30));
        var page = await app.CreateBrowserLikeClient().GetDocumentAsync($"/Classes/{session}/Book");
        Assert.Null(page.QuerySelector("main form"));
        Assert.Contains("お電話でご相談ください", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
