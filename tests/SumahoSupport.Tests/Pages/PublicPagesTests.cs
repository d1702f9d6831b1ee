using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Pages;

public sealed partial class PublicPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex(@"^\d{1,2}月\d{1,2}日\([日月火水木金土]\) \d{1,2}:\d{2}〜\d{1,2}:\d{2}$")]
    private static partial Regex ListDateFormat();

    [Fact]
    public async Task Home_IsJapaneseAndShowsTheNextSixClassesInDateOrder()
    {
        var client = app.CreateBrowserLikeClient();
        var page = await client.GetDocumentAsync("/");
        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        var expected = await app.WithDbAsync(db => db.ClassSessions
            .Where(s => s.StartsAtUtc > app.Clock.GetUtcNow().UtcDateTime)
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).Take(6).Select(s => s.Course.Title).ToListAsync());
        Assert.Equal(expected, page.QuerySelectorAll(".class-card .class-title").Select(e => e.TextContent).ToList());
    }

    [Fact]
    public async Task Classes_ListsEveryUpcomingSeededClassWithDateVenueLevelAndSeats()
    {
        var client = app.CreateBrowserLikeClient();
        var page = await client.GetDocumentAsync("/Classes");
        var first = page.QuerySelectorAll(".class-card")[0];
        // Page by page, by the links a resident follows, every class to come appears once.
        var seen = new List<string>();
        for (var next = "/Classes"; next is not null;)
        {
            var current = await client.GetDocumentAsync(next);
            seen.AddRange(current.QuerySelectorAll(".class-card a[href^='/Classes/']").Select(a => a.GetAttribute("href")!).Where(h => !h.EndsWith("/Book", StringComparison.Ordinal)).Distinct());
            next = current.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }
        var upcoming = await app.WithDbAsync(db => db.ClassSessions.CountAsync(s => s.StartsAtUtc > app.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(upcoming, seen.Distinct().Count());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Matches(ListDateFormat(), first.QuerySelector("time")!.TextContent);
        Assert.Contains(first.QuerySelectorAll("dd"), dd => dd.TextContent.EndsWith("公民館", StringComparison.Ordinal) || dd.TextContent.Contains("センター", StringComparison.Ordinal) || dd.TextContent.Contains("市役所", StringComparison.Ordinal));
        Assert.Matches("^(入門|初級|中級)（", first.QuerySelectorAll("dd")[2].TextContent);
        Assert.Matches(@"^残り\d+席$", first.QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public async Task Healthz_AnswersOkWhileTheDatabaseIsReachable()
    {
        using var response = await app.CreateBrowserLikeClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownPage_Is404WithAJapaneseExplanation()
    {
        using var response = await app.CreateBrowserLikeClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("ページが見つかりません", page.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/Error/404", HttpStatusCode.NotFound, "ページが見つかりません")]
    [InlineData("/Error/403", HttpStatusCode.Forbidden, "このページは表示できません")]
    [InlineData("/Error/200", HttpStatusCode.NotFound, "ページが見つかりません")]
    public async Task TheErrorPage_OpenedByItsAddress_AnswersWithTheStatusItShows(string address, HttpStatusCode status, string title)
    {
        using var response = await app.CreateBrowserLikeClient().GetAsync(address);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(title, (await Forms.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task EveryPage_SendsSecurityHeadersAndTheHelpPhone()
    {
        using var response = await app.CreateBrowserLikeClient().GetAsync("/Accessibility");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var page = await Forms.ParseAsync(response);
        Assert.Equal("tel:0120000000", page.QuerySelector(".help-phone")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/Coordinator")]
    [InlineData("/Supporter")]
    [InlineData("/Admin")]
    public async Task StaffAreas_SendAnonymousVisitorsToLogin(string url)
    {
        using var response = await app.CreateBrowserLikeClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
