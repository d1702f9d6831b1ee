using System.Net;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Pages;

/// <summary>
/// 文字サイズ (標準・大・特大) and 白黒反転 from plain links in every page's header: remembered, back to the same page, never
/// a way off the site, and never one reader's choice served to another from the page cache.
/// </summary>
public sealed class DisplaySettingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<string?> FollowAsync(HttpClient client, string link)
    {
        using var response = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location?.OriginalString;
    }

    [Fact]
    public async Task TheHeaderLinks_ChangeTheTextSizeAndContrast_RememberThem_AndReturnToThePage()
    {
        var reader = app.CreateBrowserLikeClient();
        var page = await reader.GetDocumentAsync("/Classes?Filter.Level=Introductory");
        Assert.Null(page.DocumentElement.GetAttribute("class"));
        Assert.Equal("標準", page.QuerySelector(".display-bar .display-group a[aria-current]")!.TextContent);

        var extraLarge = page.QuerySelectorAll(".display-bar a").Single(a => a.TextContent == "特大").GetAttribute("href")!;
        Assert.Equal("/Classes?Filter.Level=Introductory", await FollowAsync(reader, extraLarge));
        page = await reader.GetDocumentAsync("/Classes?Filter.Level=Introductory");
        Assert.Equal("text-xlarge", page.DocumentElement.GetAttribute("class"));

        var inverted = page.QuerySelectorAll(".display-bar a").Single(a => a.TextContent == "白黒反転").GetAttribute("href")!;
        await FollowAsync(reader, inverted);
        page = await reader.GetDocumentAsync("/Accessibility");
        Assert.Equal("text-xlarge contrast-inverted", page.DocumentElement.GetAttribute("class"));
        Assert.Equal(["特大", "白黒反転", "日本語"], page.QuerySelectorAll(".display-bar a[aria-current]").Select(a => a.TextContent));

        var standard = page.QuerySelectorAll(".display-bar a").First(a => a.TextContent == "標準").GetAttribute("href")!;
        await FollowAsync(reader, standard);
        Assert.Equal("contrast-inverted", (await reader.GetDocumentAsync("/")).DocumentElement.GetAttribute("class"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task AReturnAddressOffTheSite_GoesToTheHomePageInstead(string returnUrl) =>
        Assert.Equal("/", await FollowAsync(app.CreateBrowserLikeClient(), $"/Display?size=large&returnUrl={Uri.EscapeDataString(returnUrl)}"));

    [Theory]
    [InlineData("size=%3Cscript%3E")]
    [InlineData("size=%EF%BC%91")]
    [InlineData("contrast=%00")]
    public async Task UnknownChoices_LeaveTheSettingsAsTheyWere(string query)
    {
        var reader = app.CreateBrowserLikeClient();
        await FollowAsync(reader, "/Display?size=large");
        await FollowAsync(reader, "/Display?" + query);
        Assert.Equal("text-large", (await reader.GetDocumentAsync("/")).DocumentElement.GetAttribute("class"));
    }

    [Fact]
    public async Task ATamperedCookie_IsTheStandardDisplay()
    {
        var reader = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Classes");
        request.Headers.Add("Cookie", "sumaho.display=%3Cscript%3Ealert(1)%3C%2Fscript%3E.inverted.inverted.inverted.inverted");
        using var response = await reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"ja\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACachedPublicPage_IsDrawnForEachReadersOwnChoice()
    {
        var large = app.CreateBrowserLikeClient();
        await FollowAsync(large, "/Display?size=xlarge&contrast=inverted");
        Assert.Equal("text-xlarge contrast-inverted", (await large.GetDocumentAsync("/Classes")).DocumentElement.GetAttribute("class"));
        Assert.Equal("text-xlarge contrast-inverted", (await large.GetDocumentAsync("/Classes")).DocumentElement.GetAttribute("class")); // cached

        Assert.Null((await app.CreateBrowserLikeClient().GetDocumentAsync("/Classes")).DocumentElement.GetAttribute("class"));
    }
}
