using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Security;

/// <summary>Responses with residents' or supporters' data are never stored by a cache, and a badge never carries a phone number.</summary>
public sealed class PersonalDataLeakTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static void AssertNotStored(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {response.StatusCode}");
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what} is sent without Cache-Control: no-store ({response.Headers.CacheControl})");
    }

    [Fact]
    public async Task SlipsCalendarsFeedsExportsAndMailFiles_AreSentNoStore()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var booked = Assert.IsType<Core.Bookings.BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: "leak@example.jp")));
        var anonymous = app.CreateClient();
        var token = Uri.EscapeDataString(booked.Token);

        using (var slip = await anonymous.GetAsync($"/Bookings/{booked.Code}?token={token}")) AssertNotStored(slip, "the booking slip");
        using (var ics = await anonymous.GetAsync($"/Bookings/{booked.Code}/Calendar?token={token}")) AssertNotStored(ics, "the booking's .ics");

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        using (var roster = await coordinator.GetAsync($"/Coordinator/Classes/{session}/Roster")) AssertNotStored(roster, "the roster");
        using (var csv = await coordinator.GetAsync("/Coordinator/Consultations/Logs?format=csv")) AssertNotStored(csv, "a CSV export");
        using (var xlsx = await coordinator.GetAsync("/Coordinator/Supporters/Hours?format=xlsx")) AssertNotStored(xlsx, "an Excel export");
        var mail = (await app.OutboxAsync()).First(m => m.ToAddress == "leak@example.jp");
        using (var eml = await coordinator.GetAsync($"/Coordinator/Mail/{mail.Id}?handler=Eml")) AssertNotStored(eml, "an .eml download");

        var supporter = app.CreateBrowserLikeClient();
        using var __ = await supporter.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        var feed = new Uri((await supporter.GetDocumentAsync("/Supporter")).QuerySelector(".feed-url")!.TextContent).AbsolutePath;
        using (var ics = await anonymous.GetAsync(feed)) AssertNotStored(ics, "the supporter feed");
    }

    [Fact]
    public async Task TheSitesOwnAssets_MayStillBeCached()
    {
        using var css = await app.CreateClient().GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore ?? false);
    }

    [Fact]
    public async Task TheBadgeOfASupporterWithoutEmail_CarriesNoHashOfTheirPhone()
    {
        var (publicId, supporterId, phone) = await app.WithDbAsync(db => db.Certifications.OrderBy(c => c.Id)
            .Select(c => new ValueTuple<string, int, string>(c.PublicId, c.SupporterId, c.Supporter.Phone)).FirstAsync());
        await app.WithDbAsync(db => db.Supporters.Where(s => s.Id == supporterId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Email, (string?)null)));

        var json = await app.CreateClient().GetStringAsync($"/Badges/{publicId}");

        var recipient = JsonNode.Parse(json)!["recipient"]!;
        Assert.NotEqual("telephone", (string?)recipient["type"]);
        var salt = (string?)recipient["salt"] ?? "";
        foreach (var written in new[] { phone, "+81" + phone.TrimStart('0') })
        {
            Assert.DoesNotContain(written, json, StringComparison.Ordinal);
            var hash = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(written + salt)));
            Assert.NotEqual(hash, (string?)recipient["identity"]);
        }
        Assert.EndsWith($"/Certificates/{publicId}", (string?)recipient["identity"] ?? "", StringComparison.Ordinal);
    }
}
