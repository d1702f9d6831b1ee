using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

/// <summary>振替: another date of the same course in one step, the old seat given back, one message, the same 予約番号.</summary>
public sealed class MoveTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string MovePage(string code, string? token) => $"/Bookings/{code}/Move" + (token is null ? "" : $"?token={token}");

    private static Dictionary<string, string> To(int session) => new() { ["ToSessionId"] = session.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task AResidentMovesToAFreeSeat_TheOldSeatGoesToTheFirstWaiting_AndTheInvitationMovesByItsSequence()
    {
        var from = await app.CreateSessionAsync(capacity: 1);
        var to = await app.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromDays(5));
        var email = $"{Guid.NewGuid():N}@example.jp";
        var moving = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident(email: email)));
        var waiting = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(from, TestData.Resident()));
        var before = await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Code == moving.Code));
        var client = app.CreateBrowserLikeClient();

        using var moved = await client.SubmitFormAsync(MovePage(moving.Code, moving.Token), To(to));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var done = await client.GetDocumentAsync(moved.Headers.Location!.OriginalString);
        Assert.Equal("日にちを変更しました", done.QuerySelector("h1")!.TextContent);
        Assert.Equal(moving.Code, done.QuerySelector(".booking-code strong")!.TextContent);
        var after = await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Code == moving.Code));
        Assert.Equal((to, BookingStatus.Confirmed, before.Sequence + 1, before.Id), (after.ClassSessionId, after.Status, after.Sequence, after.Id));
        Assert.Equal(BookingStatus.Confirmed, (await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Code == waiting.Code))).Status);
        await app.AssertSeatCounterMatchesBookingsAsync(from);
        await app.AssertSeatCounterMatchesBookingsAsync(to);
        var mail = Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email && m.Kind == "booking-moved").ToListAsync()));
        Assert.Equal("REQUEST", mail.CalendarMethod);
        Assert.Contains($"SEQUENCE:{before.Sequence + 1}", mail.CalendarIcs, StringComparison.Ordinal);
        Assert.Contains("（変わりません）", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(await app.AuditEntriesAsync("booking.moved"), e => e.SubjectId == moving.Code);
    }

    [Fact]
    public async Task MovingOntoAFullDate_QueuesAtTheEndOfItsWaitingList_AndWithdrawsTheInvitation()
    {
        var from = await app.CreateSessionAsync(capacity: 2);
        var to = await app.CreateSessionAsync(capacity: 1, startsIn: TimeSpan.FromDays(5));
        var email = $"{Guid.NewGuid():N}@example.jp";
        // Booked before the others, so by its number alone it would jump ahead of them.
        var moving = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident(email: email)));
        await app.BookAsync(to, TestData.Resident());
        var first = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(to, TestData.Resident()));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await app.WithBookingsAsync(b => b.MoveAsync(moving.Code, moving.Token, byStaff: false, to, default));

        Assert.Equal(MoveResult.MovedToWaitingList, result);
        var page = await app.CreateBrowserLikeClient().GetDocumentAsync($"/Bookings/{moving.Code}?token={moving.Token}");
        Assert.Equal("キャンセル待ち 2番目", page.QuerySelector(".booking-status .badge")!.TextContent);
        var mail = Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email && m.Kind == "booking-moved").ToListAsync()));
        Assert.Equal("CANCEL", mail.CalendarMethod);
        Assert.Contains("キャンセル待ち 2番目", mail.TextBody, StringComparison.Ordinal);

        // The seat that frees goes to the one who was waiting first, then to the one who moved in.
        var seated = (await app.BookingsOfAsync(to)).Single(x => x.Status == BookingStatus.Confirmed).Code;
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated, null, default));
        Assert.Equal(BookingStatus.Confirmed, (await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Code == first.Code))).Status);
        Assert.Equal(BookingStatus.Waitlisted, (await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Code == moving.Code))).Status);
        await app.AssertSeatCounterMatchesBookingsAsync(from);
        await app.AssertSeatCounterMatchesBookingsAsync(to);
    }

    [Fact]
    public async Task WithoutTheTokenOrToAnotherCourse_NothingMoves()
    {
        var from = await app.CreateSessionAsync(capacity: 2);
        var to = await app.CreateSessionAsync(capacity: 2, startsIn: TimeSpan.FromDays(5));
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident()));
        var otherCourse = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.CourseId != db.ClassSessions.Single(x => x.Id == from).CourseId && s.StartsAtUtc > app.Clock.GetUtcNow().UtcDateTime.AddDays(2)).Select(s => s.Id).FirstAsync());

        using (var noToken = await app.CreateBrowserLikeClient().GetAsync($"/Bookings/{booked.Code}/Move")) Assert.Equal(HttpStatusCode.NotFound, noToken.StatusCode);
        using (var wrongToken = await app.CreateBrowserLikeClient().GetAsync($"/Bookings/{booked.Code}/Move?token=x{booked.Token}")) Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        using var elsewhere = await app.CreateBrowserLikeClient().SubmitFormAsync(MovePage(booked.Code, booked.Token), To(otherCourse));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(elsewhere)).QuerySelector("#ToSessionId-error"));
        Assert.Equal(MoveResult.NotAnOption, await app.WithBookingsAsync(b => b.MoveAsync(booked.Code, booked.Token, byStaff: false, otherCourse, default)));
        Assert.Equal(MoveResult.NotFound, await app.WithBookingsAsync(b => b.MoveAsync(booked.Code, "guess", byStaff: false, to, default)));
        Assert.Equal(from, (await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Code == booked.Code))).ClassSessionId);
    }

    [Fact]
    public async Task APhoneWithAPlaceOnTheNewDateAlready_IsToldSo()
    {
        var from = await app.CreateSessionAsync(capacity: 2);
        var to = await app.CreateSessionAsync(capacity: 2, startsIn: TimeSpan.FromDays(5));
        var phone = TestData.NextPhone();
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident(phone)));
        await app.BookAsync(to, TestData.Resident(phone));

        Assert.Equal(MoveResult.AlreadyThere, await app.WithBookingsAsync(b => b.MoveAsync(booked.Code, booked.Token, byStaff: false, to, default)));
        await app.AssertSeatCounterMatchesBookingsAsync(from);
        await app.AssertSeatCounterMatchesBookingsAsync(to);
    }

    [Fact]
    public async Task StaffOnThePhone_MoveByTheCodeAlone()
    {
        var from = await app.CreateSessionAsync(capacity: 2);
        var to = await app.CreateSessionAsync(capacity: 2, startsIn: TimeSpan.FromDays(5));
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident()));
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

        using var moved = await coordinator.SubmitFormAsync(MovePage(booked.Code, token: null), To(to));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.StartsWith("/Coordinator/Bookings", moved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(to, (await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Code == booked.Code))).ClassSessionId);
    }
}
