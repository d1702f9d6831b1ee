using System.Net;
using AngleSharp.Html.Dom;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Consultations;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Pages.Consultations;

namespace SumahoSupport.Tests.Pages;

/// <summary>
/// A form that comes back with problems lists each one as a link to its own field, and a form refused for its expired
/// token leads back to where it was typed (docs/ARCHITECTURE.md, "Every resident").
/// </summary>
public sealed class FormsThatForgiveTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EveryProblemOfAnEmptyBookingForm_LinksToAFieldOnThePage()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        await AssertEveryProblemLinksToItsFieldAsync($"/Classes/{session}/Book", new Dictionary<string, string>(),
            "Input_Name", "Input_Kana", "Input_Phone", "Input_Device", "Consent");
    }

    [Fact]
    public async Task EveryProblemOfAnEmptyConsultationForm_LinksToAFieldOnThePage()
    {
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 5);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(13, 0), new TimeOnly(13, 30));
        await app.AddHelperAsync("案内 一", date.DayOfWeek, 12 * 60, 15 * 60);
        var start = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(13, 0)));
        await AssertEveryProblemLinksToItsFieldAsync(
            $"/Consultations/Book?schedule={schedule.Id}&start={ConsultationPlaces.StartKey(start)}&device=Android", new Dictionary<string, string>(),
            "Topics", "Input_Name", "Input_Phone", "Consent");
    }

    [Fact]
    public async Task AProblemOfTheWholeForm_IsPlainText_NotALinkToNowhere()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var phone = TestData.NextPhone();
        var client = app.CreateBrowserLikeClient();
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "山田 花子", ["Input.Kana"] = "やまだ はなこ", ["Input.Phone"] = phone, ["Input.Device"] = "Android", ["Consent"] = "true",
        };
        using (var first = await client.SubmitAndConfirmAsync($"/Classes/{session}/Book", form)) Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var again = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{session}/Book", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var item = Assert.Single((await Forms.ParseAsync(again)).QuerySelectorAll(".error-summary li"));
        Assert.Null(item.QuerySelector("a"));
        Assert.Contains("この電話番号では", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormWhoseTokenIsGone_IsRefusedWithAWayBackToTheForm_AndNothingIsBooked()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var address = $"/Classes/{session}/Book";
        var client = app.CreateBrowserLikeClient();
        var form = (await client.GetDocumentAsync(address)).QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var fields = Forms.FieldsOf(form);
        fields["Input.Name"] = "山田 花子";
        fields["Input.Kana"] = "やまだ はなこ";
        fields["Input.Phone"] = TestData.NextPhone();
        fields["Input.Device"] = "Android";
        fields["Consent"] = "true";

        // The browser was closed and opened again: the antiforgery cookie went with the session, the page stayed.
        using var content = new FormUrlEncodedContent(fields);
        using var refused = await app.CreateBrowserLikeClient().PostAsync(address, content);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Equal(address, page.QuerySelector("main a.button-primary")!.GetAttribute("href"));
        Assert.Contains("もう一度送信してください", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await app.BookingsOfAsync(session));
    }

    [Fact]
    public async Task AFormTooLargeToRead_IsRefusedWithTheSameWayBack_NotShownAsAServerError()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var address = $"/Classes/{session}/Book";
        var phone = TestData.NextPhone();

        // A name pasted 5,000 times over: past the app's limit on one form value, so the form is not read at all.
        using var refused = await app.CreateBrowserLikeClient().SubmitFormAsync(address, new Dictionary<string, string>
        {
            ["Input.Name"] = new('あ', 5000), ["Input.Kana"] = "やまだ はなこ", ["Input.Phone"] = phone, ["Input.Device"] = "Android", ["Consent"] = "true",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Equal("もう一度お試しください", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(address, page.QuerySelector("main a.button-primary")!.GetAttribute("href"));
        Assert.Empty(await app.BookingsOfAsync(session));
    }

    private async Task AssertEveryProblemLinksToItsFieldAsync(string address, Dictionary<string, string> values, params string[] expectedTargets)
    {
        using var response = await app.CreateBrowserLikeClient().SubmitFormAsync(address, values);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var targets = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")!.TrimStart('#')).ToList();
        Assert.All(expectedTargets, expected => Assert.Contains(expected, targets));
        foreach (var target in targets)
        {
            var field = page.GetElementById(target);
            Assert.True(field is IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement, $"The summary links to #{target}, which is not a field on {address}.");
        }
    }
}
