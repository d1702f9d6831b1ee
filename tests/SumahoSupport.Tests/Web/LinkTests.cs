using System.Net;
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

        var (visited, broken) = await SiteCrawler.CrawlAsync(client, start);

        Assert.True(visited > 10, $"only {visited} pages were reached");
        Assert.True(visited < SiteCrawler.MaxRequests, "the crawl stopped before it saw every page");
        Assert.Empty(broken);
    }

    internal static async Task SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await client.SignInAsync(email, password);
        Assert.True(response.IsSuccessStatusCode, $"sign-in answered {(int)response.StatusCode}");
    }
}
