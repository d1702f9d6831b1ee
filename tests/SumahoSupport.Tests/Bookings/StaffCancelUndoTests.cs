using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

/// <summary>
/// A coordinator's cancel is held for five minutes: the seat stays counted and the resident's mail waits, so 元に戻す
/// puts everything back before anyone has heard of it. After that the seat goes to the waiting list, once.
/// </summary>
public sealed class StaffCancelUndoTests : IAsyncDisposable
{
    private readonly ConfiguredAppFactory app = new("Development", new Dictionary<string, string> { ["Roster:UndoMinutes"] = "5" });

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task UndoWithinTheTime_PutsTheSeatBack_AndNothingIsSentOrPromoted()
    {
        var (session, seated, waiting) = await FullClassWithOneWaitingAsync();
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        using (var cancelled = await coordinator.SubmitFormAsync($"/Coordinator/Classes/{session}/Bookings/{seated}/Cancel",
                   new Dictionary<string, string> { ["Reason"] = "" }, "main form[method=post]"))
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(seated));
        Assert.Equal(BookingStatus.Waitlisted, await StatusAsync(waiting));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
        var held = Assert.Single(await app.OutboxAsync(), m => m.RelatesTo == seated && m.Kind == Notifier.CancelledTemplate);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5), held.NextAttemptAtUtc);
        await app.DispatchMailAsync();
        Assert.Equal(OutboxStatus.Pending, (await app.OutboxAsync()).Single(m => m.Id == held.Id).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        var roster = await coordinator.GetDocumentAsync($"/Coordinator/Classes/{session}/Roster");
        Assert.Contains("まで元に戻せます", roster.QuerySelector($".undo-panel li[data-code='{seated}']")!.TextContent, StringComparison.Ordinal);
        using (var undone = await coordinator.SubmitFormAsync($"/Coordinator/Classes/{session}/Roster", new Dictionary<string, string>(),
                   $".undo-panel li[data-code='{seated}'] form"))
            Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);

        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(seated));
        Assert.Equal(BookingStatus.Waitlisted, await StatusAsync(waiting));
        Assert.DoesNotContain(await app.OutboxAsync(), m => m.RelatesTo == seated && m.Kind == Notifier.CancelledTemplate);
        Assert.Equal(0, await ReleaseAsync());
        await app.AssertSeatCounterMatchesBookingsAsync(session);
        Assert.Equal(["booking.confirmed", "booking.cancelled", "booking.cancel-undone"], await app.AuditActionsForAsync("Booking", seated));
    }

    [Fact]
    public async Task AfterTheTime_TheSeatGoesToTheFirstWaitingOnce_AndUndoIsRefused()
    {
        var (session, seated, waiting) = await FullClassWithOneWaitingAsync();
        Assert.Equal(CancelResult.Cancelled, await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated, "入院のため", default)));
        Assert.Equal(0, await ReleaseAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        // Two instances run the minute job: the seat is freed and given once.
        var released = await Task.WhenAll(ReleaseAsync(), ReleaseAsync());
        Assert.Equal(1, released.Sum());

        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(waiting));
        Assert.Equal(UndoResult.TooLate, await app.WithBookingsAsync(b => b.UndoStaffCancelAsync(seated, default)));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
        await app.DispatchMailAsync();
        var sent = await app.OutboxAsync();
        var cancelMail = Assert.Single(sent, m => m.RelatesTo == seated && m.Kind == Notifier.CancelledTemplate);
        Assert.Equal(OutboxStatus.Sent, cancelMail.Status);
        Assert.Contains("理由：入院のため", cancelMail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledClassOrANewBookingInTheMeantime_IsNotUndoneOver()
    {
        var (session, seated, _) = await FullClassWithOneWaitingAsync();
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated, null, default));
        var phone = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == seated).Select(b => b.PhoneKey).SingleAsync());
        // The resident rings back and books again online: that booking stands, and it queues (the seat is still held).
        Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident(phone)));
        Assert.Equal(UndoResult.BookedAgain, await app.WithBookingsAsync(b => b.UndoStaffCancelAsync(seated, default)));

        var other = await app.CreateSessionAsync(capacity: 1);
        var alone = Assert.IsType<BookingResult.Booked>(await app.BookAsync(other, TestData.Resident())).Code;
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(alone, null, default));
        await app.WithScopeAsync(s => s.GetRequiredService<ClassScheduleService>().CancelSessionAsync(other, "会場の都合", default));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await ReleaseAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == other).Select(s => s.Confirmed).SingleAsync()));
        await app.AssertSeatCounterMatchesBookingsAsync(other);
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    private async Task<(int Session, string Seated, string Waiting)> FullClassWithOneWaitingAsync()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp"))).Code;
        var waiting = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident())).Code;
        return (session, seated, waiting);
    }

    private Task<BookingStatus> StatusAsync(string code) =>
        app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Status).SingleAsync());

    private Task<int> ReleaseAsync() => app.WithBookingsAsync(b => b.ReleaseHeldSeatsAsync(default));
}
