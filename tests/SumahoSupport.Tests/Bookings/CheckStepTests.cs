using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

/// <summary>入力 → 確認 → 完了: nothing is booked before 「この内容で予約する」, and what the city will use is shown back.</summary>
public sealed class CheckStepTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Form(string phone, string? email = null) => new()
    {
        ["Input.Name"] = "山田 花子",
        ["Input.Kana"] = "やまだ はなこ",
        ["Input.Phone"] = phone,
        ["Input.Email"] = email ?? "",
        ["Input.Device"] = nameof(DeviceType.Android),
        ["Input.NeedChoices"] = "耳が聞こえにくい",
        ["Consent"] = "true",
    };

    /// <summary>The form filled and checked: where 「この内容で予約する」 posts, and what it carries.</summary>
    private static async Task<(string Confirm, Dictionary<string, string> Fields)> CheckStepAsync(HttpClient client, int session)
    {
        using var checkStep = await client.SubmitFormAsync($"/Classes/{session}/Book", Form(TestData.NextPhone()));
        var confirm = (await Forms.ParseAsync(checkStep)).QuerySelector<IHtmlButtonElement>("button[formaction*='handler=Confirm']")!;
        return (confirm.GetAttribute("formaction")!, Forms.FieldsOf(confirm.Form!));
    }

    [Fact]
    public async Task TheFormLeadsToACheckPage_ThatShowsThePhoneAsDialled_AndBooksNothing()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var client = app.CreateBrowserLikeClient();

        using var checkStep = await client.SubmitFormAsync($"/Classes/{session}/Book", Form("０９０１２３４１１１１"));

        Assert.Equal(HttpStatusCode.OK, checkStep.StatusCode);
        var page = await Forms.ParseAsync(checkStep);
        Assert.Equal("入力内容の確認", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("2", page.QuerySelector(".booking-steps [aria-current=step] .step-number")!.TextContent);
        Assert.Equal("090-1234-1111", page.QuerySelector(".review-phone")!.TextContent);
        Assert.Contains("なし（ご連絡はお電話でします）", page.QuerySelector(".review")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("耳が聞こえにくい", page.QuerySelector(".review")!.TextContent, StringComparison.Ordinal);
        var buttons = page.QuerySelectorAll<IHtmlButtonElement>("main form button").Select(b => b.TextContent).ToList();
        Assert.Equal(["この内容で予約する", "修正する"], buttons);
        Assert.Empty(await app.BookingsOfAsync(session));
    }

    [Fact]
    public async Task AFormPostedWithoutAStep_AsAPageOpenedBeforeTheUpgradeSendsIt_IsCheckedNotBooked()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var client = app.CreateBrowserLikeClient();
        var fields = Forms.FieldsOf((await client.GetDocumentAsync($"/Classes/{session}/Book")).QuerySelector<IHtmlFormElement>("main form[method=post]")!);
        foreach (var (name, value) in Form(TestData.NextPhone())) fields[name] = value;

        using var posted = await client.PostAsync($"/Classes/{session}/Book", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("入力内容の確認", (await Forms.ParseAsync(posted)).QuerySelector("h1")!.TextContent);
        Assert.Empty(await app.BookingsOfAsync(session));
    }

    [Fact]
    public async Task 修正する_GoesBackToTheFormAsTyped_WithoutBooking()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var client = app.CreateBrowserLikeClient();
        using var checkStep = await client.SubmitFormAsync($"/Classes/{session}/Book", Form(TestData.NextPhone(), "hanako@example.jp"));
        var edit = (await Forms.ParseAsync(checkStep)).QuerySelector<IHtmlButtonElement>("button[formaction*='handler=Edit']")!;

        using var back = await client.PostAsync(edit.GetAttribute("formaction"), new FormUrlEncodedContent(Forms.FieldsOf(edit.Form!)));

        var form = await Forms.ParseAsync(back);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("hanako@example.jp", form.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        Assert.True(form.QuerySelector<IHtmlInputElement>("input[name='Input.Device'][value=Android]")!.IsChecked);
        Assert.True(form.QuerySelector<IHtmlInputElement>("input[name='Input.NeedChoices'][value='耳が聞こえにくい']")!.IsChecked);
        Assert.Null(form.QuerySelector(".error-summary"));
        Assert.Empty(await app.BookingsOfAsync(session));
    }

    [Fact]
    public async Task ConfirmingTwice_AsTheBackButtonWould_BooksOneSeat()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var client = app.CreateBrowserLikeClient();
        var (confirm, fields) = await CheckStepAsync(client, session);

        using var first = await client.PostAsync(confirm, new FormUrlEncodedContent(fields));
        using var again = await client.PostAsync(confirm, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("すでにお申し込み", (await Forms.ParseAsync(again)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await app.BookingsOfAsync(session));
    }

    [Fact]
    public async Task WhatTheCheckPageCarries_IsCheckedAgainAtTheConfirm()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var client = app.CreateBrowserLikeClient();
        var (confirm, fields) = await CheckStepAsync(client, session);
        fields["Input.Phone"] = "123";

        using var refused = await client.PostAsync(confirm, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(refused)).QuerySelector("#Input_Phone-error"));
        Assert.Empty(await app.BookingsOfAsync(session));
    }

    [Fact]
    public async Task TheDonePageAndSlip_RepeatNamePhoneAndEmail()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var client = app.CreateBrowserLikeClient();

        using var booked = await client.SubmitAndConfirmAsync($"/Classes/{session}/Book", Form("0267-12-3456", "hanako@example.jp"));

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var done = await client.GetDocumentAsync(booked.Headers.Location!.OriginalString);
        Assert.Equal("3", done.QuerySelector(".booking-steps [aria-current=step] .step-number")!.TextContent);
        var slip = done.QuerySelector(".slip")!.TextContent;
        Assert.Contains("山田 花子 様", slip, StringComparison.Ordinal);
        Assert.Equal("0267-12-3456", done.QuerySelector(".slip .slip-phone")!.TextContent);
        Assert.Contains("hanako@example.jp", slip, StringComparison.Ordinal);
        // The mail links the class's page, which has the map, rather than ~200 characters of escaped map search.
        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == "hanako@example.jp"));
        Assert.Matches($@"会場の案内と地図：https?://\S+/Classes/{session}\n", mail.TextBody);
        Assert.DoesNotContain("google.com/maps", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InEnglish_TheReadingMayBeLeftOut_AndTheNameAsWrittenKeepsResidentsApart()
    {
        // One phone books one seat per class, so the two members of the family book different classes.
        int[] sessions = [await app.CreateSessionAsync(capacity: 5), await app.CreateSessionAsync(capacity: 5)];
        var phone = TestData.NextPhone();
        var english = app.CreateBrowserLikeClient();
        using (var chosen = await english.GetAsync("/Display?lang=en&returnUrl=%2F")) Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        foreach (var (name, session) in new[] { "Maria  Suzuki", "Ken Suzuki" }.Zip(sessions))
        {
            var form = Form(phone);
            form["Input.Name"] = name;
            form["Input.Kana"] = "";
            using var booked = await english.SubmitAndConfirmAsync($"/Classes/{session}/Book", form);
            Assert.True(booked.StatusCode == HttpStatusCode.Redirect, (await Forms.ParseAsync(booked)).QuerySelector(".error-summary")?.TextContent);
        }
        var japanese = Form(TestData.NextPhone());
        japanese["Input.Kana"] = "";
        using var refused = await app.CreateBrowserLikeClient().SubmitFormAsync($"/Classes/{sessions[0]}/Book", japanese);

        var readings = await app.WithDbAsync(db => db.Participants.Where(p => p.Phone == phone).Select(p => p.Kana).OrderBy(k => k).ToListAsync());
        Assert.Equal(["KEN SUZUKI", "MARIA SUZUKI"], readings);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("ふりがなを入力してください。", (await Forms.ParseAsync(refused)).QuerySelector("#Input_Kana-error")!.TextContent);
    }
}
