using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

/// <summary>
/// A waiting place is not a seat: its page says so in amber, offers no 予約票 to print or bring, says what happens next,
/// and when the booking closes with no seat for it, it ends and the resident is told.
/// </summary>
public sealed class WaitingPlaceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int Session, BookingResult.Waitlisted Mailed, BookingResult.Waitlisted PhoneOnly)> FullClassAsync(TimeSpan startsIn)
    {
        var session = await app.CreateSessionAsync(capacity: 1, startsIn: startsIn);
        Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var mailed = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp")));
        var phoneOnly = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident(kana: "まち でんわ")));
        return (session, mailed, phoneOnly);
    }

    [Fact]
    public async Task AWaitingPlacesPage_SaysItIsNotConfirmed_AndOffersNoSlipToPrint()
    {
        var (_, mailed, _) = await FullClassAsync(TimeSpan.FromDays(4));

        var page = await app.CreateClient().GetDocumentAsync($"/Bookings/{mailed.Code}?token={mailed.Token}&done=waitlisted");

        var notice = page.QuerySelector("main .notice.waiting")!;
        Assert.Equal("まだ確定していません", notice.QuerySelector("h1")!.TextContent);
        Assert.Equal("キャンセル待ち 1番目です。", notice.QuerySelector(".lead")!.TextContent);
        Assert.Contains("メールでお知らせします", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("この画面は予約票ではありません", notice.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main .success"));
        Assert.Null(page.QuerySelector("[data-print]"));
        Assert.DoesNotContain("予約票", page.QuerySelector("#slip-heading")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href*='/Cancel']"));
    }

    [Fact]
    public async Task AtTheCutoff_EveryWaitingPlaceEnds_OnceEvenIfRunTwice_AndEachResidentIsToldOnTheirWay()
    {
        var (session, mailed, phoneOnly) = await FullClassAsync(TimeSpan.FromDays(5));
        var closes = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.BookingClosesAtUtc).SingleAsync());

        app.Clock.SetUtcNow(new DateTimeOffset(closes.AddMinutes(-1), TimeSpan.Zero));
        await LapseAsync();
        Assert.All(await StatusesAsync(mailed.Code, phoneOnly.Code), s => Assert.Equal(BookingStatus.Waitlisted, s));

        app.Clock.SetUtcNow(new DateTimeOffset(closes, TimeSpan.Zero));
        await LapseAsync();
        await LapseAsync();

        Assert.All(await StatusesAsync(mailed.Code, phoneOnly.Code), s => Assert.Equal(BookingStatus.Lapsed, s));
        Assert.Single(await app.OutboxAsync(), m => m.RelatesTo == mailed.Code && m.Kind == "booking-lapsed");
        Assert.Single(await app.WithDbAsync(db => db.CallTasks.Where(c => c.Booking!.Code == phoneOnly.Code && c.Reason == CallReason.WaitlistLapsed).ToListAsync()));
        Assert.Single(await app.AuditActionsForAsync(nameof(Booking), mailed.Code), a => a == "booking.waitlist-lapsed");

        var page = await app.CreateClient().GetDocumentAsync($"/Bookings/{mailed.Code}?token={mailed.Token}");
        Assert.Contains("キャンセル待ちは終わりました", page.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-print]"));
        Assert.Null(page.QuerySelector(".slip-qr"));
    }

    [Fact]
    public async Task APlaceThatEnded_CanStillBeGivenAFreedSeatByStaff_BeforeTheClass()
    {
        var (session, mailed, _) = await FullClassAsync(TimeSpan.FromDays(6));
        var closes = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.BookingClosesAtUtc).SingleAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(closes.AddMinutes(1), TimeSpan.Zero));
        await LapseAsync();
        var seated = (await app.BookingsOfAsync(session)).Single(b => b.Status == BookingStatus.Confirmed).Code;
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated, null, default));

        Assert.Equal(PromoteResult.Promoted, await app.WithBookingsAsync(b => b.PromoteByStaffAsync(mailed.Code, default)));

        Assert.Equal(BookingStatus.Confirmed, (await StatusesAsync(mailed.Code)).Single());
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    private Task LapseAsync() => app.WithScopeAsync(s => s.GetRequiredService<WaitingListLapse>().LapseDueAsync(default));

    private Task<List<BookingStatus>> StatusesAsync(params string[] codes) =>
        app.WithDbAsync(db => db.Bookings.Where(b => codes.Contains(b.Code)).Select(b => b.Status).ToListAsync());
}
