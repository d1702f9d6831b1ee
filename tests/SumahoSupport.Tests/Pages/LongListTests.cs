using AngleSharp.Dom;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Pages;

/// <summary>
/// Long staff lists are read a page at a time through links that keep the search, and every row is reachable: none is
/// dropped at a cap and none appears twice (docs/ARCHITECTURE.md, "Every resident").
/// </summary>
public sealed class LongListTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheMailList_ShowsEveryMessage_OverItsPages()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.OutboxMessages.AddRange(Enumerable.Range(0, 120).Select(i => new OutboxMessage
            {
                Kind = "booking-confirmed", ToAddress = $"reader{i}@example.jp", ToName = "読者", Title = $"{marker}-{i:D3}",
                TextBody = "本文", HtmlBody = "<p>本文</p>", MessageId = $"{marker}-{i}@example.jp", Status = OutboxStatus.Sent,
                NextAttemptAtUtc = now, CreatedAtUtc = now, SentAtUtc = now,
            }));
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

        var titles = (await ReadEveryPageAsync(client, "/Coordinator/Mail", "tbody tr td:nth-child(4) a"))
            .Where(t => t.StartsWith(marker, StringComparison.Ordinal)).ToList();

        Assert.Equal(120, titles.Count);
        Assert.Equal(120, titles.Distinct().Count());
    }

    [Fact]
    public async Task TheBookingSearch_FindsEveryBookingOfAPhone_AndItsPageLinksKeepTheSearch()
    {
        var phone = TestData.NextPhone();
        for (var i = 0; i < 25; i++)
        {
            var session = await app.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromDays(3 + i));
            Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(phone) with { Channel = BookingChannel.Phone }, BookingKind.Proxy));
        }
        var client = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

        var codes = await ReadEveryPageAsync(client, $"/Coordinator/Bookings?Q={phone}", "tbody tr td:first-child");

        Assert.Equal(25, codes.Count);
        Assert.Equal(25, codes.Distinct().Count());
    }

    [Fact]
    public async Task TheSupporterRoster_ListsEverySupporter_OverItsPages()
    {
        var marker = "名簿" + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            db.Supporters.AddRange(Enumerable.Range(0, 70).Select(i => new Supporter
            {
                Name = $"{marker} {i:D2}", Kana = "めいぼ", Phone = $"0907{i:D7}", Area = marker, Status = SupporterStatus.Certified,
                KnowsAndroid = true, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            }));
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

        var names = await ReadEveryPageAsync(client, $"/Coordinator/Supporters?ActivityArea={Uri.EscapeDataString(marker)}", "#roster tbody th a");

        Assert.Equal(70, names.Count);
        Assert.Equal(70, names.Distinct().Count());
    }

    /// <summary>The texts of <paramref name="cellSelector"/> on the first page and every page after it, by 「次のページ」.</summary>
    private static async Task<List<string>> ReadEveryPageAsync(HttpClient client, string url, string cellSelector)
    {
        var texts = new List<string>();
        var pages = 0;
        for (string? next = url; next is not null; pages++)
        {
            Assert.True(pages < 20, "the page links go round in a circle");
            var page = await client.GetDocumentAsync(next);
            texts.AddRange(page.QuerySelectorAll(cellSelector).Select(cell => cell.TextContent.Trim()));
            next = page.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        }
        Assert.True(pages > 1, "the list fitted on one page, so its page links were not tried");
        return texts;
    }
}
