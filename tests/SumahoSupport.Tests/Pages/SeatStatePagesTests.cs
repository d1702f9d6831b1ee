using Microsoft.EntityFrameworkCore;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Pages;

/// <summary>Moves the clock and fills a class, so it has a database of its own.</summary>
public sealed class SeatStatePagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Classes_ShowsFullAndClosedStatesInWords()
    {
        var firstClosesAt = await app.WithDbAsync(async db =>
        {
            var sessions = await db.ClassSessions.Include(s => s.Course).OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).Take(2).ToListAsync();
            // Bookings arrive with the booking feature; here the counter alone stands for a full class.
            sessions[1].Confirmed = sessions[1].Capacity;
            await db.SaveChangesAsync();
            return sessions[0].BookingClosesAtUtc;
        });
        app.Clock.SetUtcNow(new DateTimeOffset(firstClosesAt.AddMinutes(1), TimeSpan.Zero));

        var page = await app.CreateBrowserLikeClient().GetDocumentAsync("/Classes");
        var badges = page.QuerySelectorAll(".class-card .badge").Select(b => b.TextContent).ToList();
        Assert.Equal("受付終了", badges[0]);
        Assert.Equal("満席（キャンセル待ち受付中）", badges[1]);
    }
}
