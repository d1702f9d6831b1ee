using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Web;

/// <summary>
/// Every link of a seeded app leads somewhere: starting from the home page (and, for a resident, their booking page), a
/// crawler follows each link on each page it reaches, as each kind of visitor, and fails on any 404 or server error.
/// Links are built from routes (asp-page, SiteLinks), so a renamed page shows up here rather than in a resident's hands.
/// </summary>
public sealed class LinkTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Sortable tables and year switches make endless variants of one page; a few of each say enough.</summary>
    private const int VariantsPerPath = 3;

    private const int MaxRequests = 1500;

    [Theory]
    [InlineData("anonymous")]
    [InlineData("resident")]
    [InlineData("supporter")]
    [InlineData("coordinator")]
    [InlineData("admin")]
    public async Task EveryLinkOnEveryPage_LeadsToAPage(string visitor)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var start = new List<string> { "/" };
        switch (visitor)
        {
            case "resident":
                var session = await app.CreateSessionAsync(capacity: 5);
                var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
                start.Add($"/Bookings/{booked.Code}?token={Uri.EscapeDataString(booked.Token)}");
                break;
            case "supporter":
                await SignInAsync(client, DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
                start.Add("/Supporter");
                break;
            case "coordinator":
                await SignInAsync(client, DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
                start.Add("/Coordinator");
                break;
            case "admin":
                await SignInAsync(client, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
                start.Add("/Admin");
                break;
        }

        var (visited, broken) = await CrawlAsync(client, start);

        Assert.True(visited > 10, $"only {visited} pages were reached");
        Assert.True(visited < MaxRequests, "the crawl stopped before it saw every page");
        Assert.Empty(broken);
    }

    private static async Task SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await client.SignInAsync(email, password);
        Assert.True(response.IsSuccessStatusCode, $"sign-in answered {(int)response.StatusCode}");
    }

    private static async Task<(int Visited, List<string> Broken)> CrawlAsync(HttpClient client, IEnumerable<string> start)
    {
        var parser = new HtmlParser();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var variants = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<(string Url, string From)>(start.Select(s => (s, "(start)")));
        var broken = new List<string>();
        var requests = 0;
        while (queue.TryDequeue(out var next) && requests < MaxRequests)
        {
            if (!seen.Add(next.Url)) continue;
            var path = next.Url.Split('?')[0];
            variants[path] = variants.GetValueOrDefault(path) + 1;
            if (variants[path] > VariantsPerPath) continue;

            requests++;
            using var response = await client.GetAsync(next.Url);
            if (response.StatusCode == HttpStatusCode.NotFound || (int)response.StatusCode >= 500)
            {
                broken.Add($"{next.From} → {next.Url}: {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var here = response.RequestMessage!.RequestUri!;
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var anchor in document.QuerySelectorAll("a[href]"))
            {
                var href = anchor.GetAttribute("href")!;
                // asp-page to a page that does not exist renders an empty address rather than failing.
                if (href.Length == 0) broken.Add($"{here.PathAndQuery}: 「{anchor.TextContent.Trim()}」 has no address");
                if (href.Length == 0 || href.StartsWith('#') || !Uri.TryCreate(here, href, out var target)) continue;
                if (target.Scheme is not ("http" or "https") || target.Authority != here.Authority) continue; // tel:, maps
                queue.Enqueue((target.PathAndQuery, here.PathAndQuery));
            }
        }
        return (requests, broken);
    }
}
