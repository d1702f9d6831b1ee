using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Pages;

/// <summary>
/// The public class pages are served from a cache, and a cache must never show a seat that is gone: a page read right
/// after a booking (or a cancellation) shows the new count, on every page that shows it.
/// </summary>
public sealed partial class CatalogCacheTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task APageReadRightAfterABookingOrACancellation_ShowsTheNewSeatCount()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var reader = app.CreateBrowserLikeClient();
        Assert.Equal(5, await SeatsAsync(reader, session));
        Assert.Equal(5, await SeatsAsync(reader, session)); // now from the cache

        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        Assert.Equal(4, await SeatsAsync(reader, session));
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(booked.Code, null, default));
        Assert.Equal(5, await SeatsAsync(reader, session));
    }

    [Fact]
    public async Task AWaitingPlace_ChangesNothingThePagesShow_SoTheirCachedCopiesStay()
    {
        var session = await app.CreateSessionAsync(capacity: 2);
        var reader = app.CreateBrowserLikeClient();
        Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        Assert.Contains("満席", await reader.GetStringAsync($"/Classes/{session}"), StringComparison.Ordinal);
        var catalog = app.Services.GetRequiredService<Core.Classes.CatalogVersion>();
        var before = await catalog.CurrentAsync(TestContext.Current.CancellationToken);

        Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));

        // At 9:00 most bookings of a popular class are waiting places: each moving the version threw every cached page away.
        Assert.Equal(before, await catalog.CurrentAsync(TestContext.Current.CancellationToken));
        Assert.Contains("満席", await reader.GetStringAsync($"/Classes/{session}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClassPageReadRightAfterItsStaffChanged_ShowsTheNewStaff()
    {
        var session = await app.CreateSessionAsync(capacity: 5, startsIn: TimeSpan.FromDays(40));
        var reader = app.CreateBrowserLikeClient();
        Assert.Contains("講師・支援員が担当します", await reader.GetStringAsync($"/Classes/{session}"), StringComparison.Ordinal);
        Assert.Contains("講師・支援員が担当します", await reader.GetStringAsync($"/Classes/{session}"), StringComparison.Ordinal); // cached

        var lead = await app.WithScopeAsync(async s =>
        {
            var staffing = s.GetRequiredService<StaffingService>();
            foreach (var id in await s.GetRequiredService<AppDbContext>().Supporters.Where(x => x.Status == SupporterStatus.Lead).Select(x => x.Id).ToListAsync())
            {
                if (await staffing.AssignAsync(session, id, AssignmentRole.Lecturer, default) == AssignResult.Assigned) return id;
            }
            throw new InvalidOperationException("no Lead is free for the class");
        });
        Assert.Contains("講師・支援員 1名", await reader.GetStringAsync($"/Classes/{session}"), StringComparison.Ordinal);

        await app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().RemoveAsync(session, lead, default));
        Assert.Contains("講師・支援員が担当します", await reader.GetStringAsync($"/Classes/{session}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffSeeTheirOwnPage_NotAResidentsCachedOne()
    {
        var anonymous = await app.CreateBrowserLikeClient().GetStringAsync("/Classes");
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var staffPage = await coordinator.GetStringAsync("/Classes");
        Assert.DoesNotContain("ログアウト", anonymous, StringComparison.Ordinal);
        Assert.Contains("ログアウト", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstChangeAfterAStart_IsSeenToo()
    {
        using var fresh = new Hosting.EmptyProductionAppFactory();
        var reader = fresh.CreateBrowserLikeClient();
        Assert.DoesNotContain("第一公民館", await reader.GetStringAsync("/Classes"), StringComparison.Ordinal);
        await fresh.WithScopeAsync(s => s.GetRequiredService<Core.Classes.VenueService>()
            .SaveAsync(null, new Core.Classes.VenueDraft("第一公民館", "みどり市1-1", null, null, null, 2, true, []), default));
        Assert.Contains("第一公民館", await reader.GetStringAsync("/Classes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenBookingClosesAndWhenTheClassStarts_ThePagesSaySo_ThoughNothingWasWritten()
    {
        using var own = new AppFactory(); // the clock moves by hours: no other test shares it
        var session = await own.CreateSessionAsync(capacity: 5, startsIn: TimeSpan.FromHours(3), cutoffMinutes: 60);
        var reader = own.CreateBrowserLikeClient();
        Assert.Equal(5, await SeatsAsync(reader, session));
        Assert.Equal(5, await SeatsAsync(reader, session)); // now from the cache

        own.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1)); // booking closed an hour before the start
        Assert.Contains("受付終了", await reader.GetStringAsync($"/Classes/{session}"), StringComparison.Ordinal);
        var list = await ListAsync(reader, session);
        Assert.Contains("受付終了", list[list.IndexOf($"href=\"/Classes/{session}\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        own.Clock.Advance(TimeSpan.FromHours(1)); // started: no longer a class to come
        Assert.DoesNotContain($"href=\"/Classes/{session}\"", await ListAsync(reader, session), StringComparison.Ordinal);
    }

    /// <summary>The seats left of a class, as its own page and the class list both say (they must agree).</summary>
    private static async Task<int> SeatsAsync(HttpClient client, int session)
    {
        var page = SeatsLeft().Match(await client.GetStringAsync($"/Classes/{session}"));
        var list = await ListAsync(client, session);
        var card = list.IndexOf($"href=\"/Classes/{session}\"", StringComparison.Ordinal);
        var inList = SeatsLeft().Match(list, card);
        Assert.Equal(page.Groups["n"].Value, inList.Groups["n"].Value);
        return int.Parse(page.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The class list filtered to the day of <paramref name="session"/>, so that it is on the first page.</summary>
    private static async Task<string> ListAsync(HttpClient client, int session)
    {
        var html = await client.GetStringAsync($"/Classes/{session}");
        var date = Regex.Match(html, "datetime=\"(?<date>\\d{4}-\\d{2}-\\d{2})").Groups["date"].Value;
        return await client.GetStringAsync($"/Classes?Filter.From={date}&Filter.To={date}");
    }

    [GeneratedRegex("残り(?<n>\\d+)席")]
    private static partial Regex SeatsLeft();
}
