using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Pages;

/// <summary>
/// Pages whose titles and sentences are filled in (「予約番号 K7M-4PX」「3台お貸しします」) show the values, not 「{0}」: a
/// localized string's Value is its unformatted text, which once slipped into titles and the class details.
/// </summary>
public sealed class PlaceholderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task FilledInTexts_ShowTheirValues_NeverAPlaceholder()
    {
        var session = await app.CreateSessionAsync(capacity: 10);
        await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.LoanerDevices, 3)));
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var supporter = await app.WithDbAsync(db => db.Supporters.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

        var anonymous = app.CreateBrowserLikeClient();
        var details = await anonymous.GetDocumentAsync($"/Classes/{session}");
        Assert.Contains("スマホをお持ちでない方に 3台 お貸しします", details.Body!.TextContent, StringComparison.Ordinal);
        var slip = await anonymous.GetDocumentAsync($"/Bookings/{booked.Code}?token={booked.Token}");
        Assert.StartsWith($"予約番号 {booked.Code}", slip.Title, StringComparison.Ordinal);

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        string[] pages =
        [
            "/Coordinator/Report", $"/Coordinator/Supporters/{supporter}", "/Coordinator/Dashboard/Breakdown?by=venue",
            "/Coordinator/Consultations", "/Coordinator/Consultations/Logs", "/Coordinator/Consultations/Analytics", "/Coordinator/Supporters/Hours",
        ];
        foreach (var page in pages.Select(p => coordinator.GetDocumentAsync(p)))
        {
            var document = await page;
            Assert.DoesNotContain("{0}", document.Title + document.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("{1}", document.Title + document.Body!.TextContent, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("{0}", details.Title + slip.Title, StringComparison.Ordinal);
    }
}
