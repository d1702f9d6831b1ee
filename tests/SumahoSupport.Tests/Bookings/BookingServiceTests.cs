using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

public sealed class BookingServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Book_WithSeatsLeft_ConfirmsAndTakesOneSeat()
    {
        var session = await app.CreateSessionAsync(capacity: 2);
        var result = await app.BookAsync(session, TestData.Resident());
        var booked = Assert.IsType<BookingResult.Booked>(result);
        Assert.Matches("^[ACEFGHJKMNPQRTWXY34679]{3}-[ACEFGHJKMNPQRTWXY34679]{3}$", booked.Code);
        Assert.True(booked.Token.Length >= 22);
        Assert.Equal(BookingStatus.Confirmed, Assert.Single(await app.BookingsOfAsync(session)).Status);
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task Book_WhenSessionIsFull_JoinsWaitingListInArrivalOrder()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        await app.BookAsync(session, TestData.Resident());
        var second = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));
        var third = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));
        Assert.Equal(1, await PositionAsync(second));
        Assert.Equal(2, await PositionAsync(third));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    private Task<int> PositionAsync(BookingResult.Waitlisted waiting) =>
        app.WithBookingsAsync(b => b.WaitlistPositionAsync(waiting.BookingId, waiting.SessionId, CancellationToken.None));

    [Fact]
    public async Task Book_SamePhoneTwice_KeepsOneBooking_NamedOnlyByItsCode()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var phone = TestData.NextPhone();
        var first = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(phone)));

        var again = Assert.IsType<BookingResult.AlreadyBooked>(await app.BookAsync(session, TestData.Resident(phone)));
        Assert.Equal((first.Code, BookingStatus.Confirmed), (again.Code, again.Status));

        var someoneElse = Assert.IsType<BookingResult.AlreadyBooked>(await app.BookAsync(session, TestData.Resident(phone, kana: "すずき たろう")));
        Assert.Equal(first.Code, someoneElse.Code);
        Assert.Single(await app.BookingsOfAsync(session));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task Book_AfterCancelling_IsAllowedAgain()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var phone = TestData.NextPhone();
        var first = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(phone)));
        Assert.Equal(CancelResult.Cancelled, await app.WithBookingsAsync(b => b.CancelByResidentAsync(first.Code, first.Token, default)));
        Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(phone)));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task Book_AfterTheCutoff_IsClosedOnTheWebButStaffCanStillBookByPhone()
    {
        var session = await app.CreateSessionAsync(capacity: 5, startsIn: TimeSpan.FromMinutes(30), cutoffMinutes: 60);
        Assert.IsType<BookingResult.Closed>(await app.BookAsync(session, TestData.Resident()));
        var byPhone = TestData.Resident() with { Channel = BookingChannel.Phone };
        Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, byPhone, BookingKind.Proxy));
        var booking = Assert.Single(await app.BookingsOfAsync(session));
        Assert.Equal(BookingChannel.Phone, booking.Channel);
    }

    [Fact]
    public async Task Book_UnknownSession_IsClosed() =>
        Assert.IsType<BookingResult.Closed>(await app.BookAsync(int.MaxValue, TestData.Resident()));

    [Fact]
    public async Task Cancel_ConfirmedBooking_PromotesTheFirstWaitingPersonAndRecordsIt()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var firstWaiting = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));
        var secondWaiting = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));

        Assert.Equal(CancelResult.Cancelled, await app.WithBookingsAsync(b => b.CancelByResidentAsync(seated.Code, seated.Token, default)));

        var bookings = (await app.BookingsOfAsync(session)).ToDictionary(b => b.Code, b => b.Status);
        Assert.Equal(BookingStatus.Cancelled, bookings[seated.Code]);
        Assert.Equal(BookingStatus.Confirmed, bookings[firstWaiting.Code]);
        Assert.Equal(BookingStatus.Waitlisted, bookings[secondWaiting.Code]);
        Assert.Equal(["booking.waitlisted", "booking.promoted"], await app.AuditActionsForAsync("Booking", firstWaiting.Code));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task Cancel_AfterTheCutoff_LeavesTheSeatForTheCoordinatorToGive()
    {
        var session = await app.CreateSessionAsync(capacity: 1, startsIn: TimeSpan.FromHours(3), cutoffMinutes: 60);
        var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var waiting = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));
        app.Clock.Advance(TimeSpan.FromHours(2.5)); // past the cutoff, before the start

        Assert.Equal(CancelResult.Cancelled, await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated.Code, null, default)));
        Assert.Equal(BookingStatus.Waitlisted, (await app.BookingsOfAsync(session)).Single(b => b.Code == waiting.Code).Status);

        Assert.Equal(PromoteResult.Promoted, await app.WithBookingsAsync(b => b.PromoteByStaffAsync(waiting.Code, default)));
        Assert.Equal(BookingStatus.Confirmed, (await app.BookingsOfAsync(session)).Single(b => b.Code == waiting.Code).Status);
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task Cancel_Twice_ChangesNothingTheSecondTime()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        Assert.Equal(CancelResult.Cancelled, await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated.Code, null, default)));
        Assert.Equal(CancelResult.AlreadyCancelled, await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated.Code, null, default)));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task Cancel_WithTheWrongToken_IsNotFound()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        Assert.Equal(CancelResult.NotFound, await app.WithBookingsAsync(b => b.CancelByResidentAsync(seated.Code, "guess", default)));
        Assert.Equal(CancelResult.NotFound, await app.WithBookingsAsync(b => b.CancelByResidentAsync(seated.Code, null, default)));
        Assert.Equal(BookingStatus.Confirmed, Assert.Single(await app.BookingsOfAsync(session)).Status);
    }

    [Fact]
    public async Task Attendance_IsRecordedForSeatsAndNeverForCancelledBookings()
    {
        var session = await app.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromHours(2));
        var came = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var missed = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var cancelled = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(cancelled.Code, null, default));
        app.Clock.Advance(TimeSpan.FromHours(3)); // the class is under way

        Assert.Equal(AttendanceResult.Recorded, await app.WithBookingsAsync(b => b.RecordAttendanceAsync(came.Code, true, default)));
        Assert.Equal(AttendanceResult.Recorded, await app.WithBookingsAsync(b => b.RecordAttendanceAsync(missed.Code, false, default)));
        Assert.Equal(AttendanceResult.NotSeated, await app.WithBookingsAsync(b => b.RecordAttendanceAsync(cancelled.Code, false, default)));

        var statuses = (await app.BookingsOfAsync(session)).ToDictionary(b => b.Code, b => b.Status);
        Assert.Equal(BookingStatus.Attended, statuses[came.Code]);
        Assert.Equal(BookingStatus.NoShow, statuses[missed.Code]);
        Assert.Equal(BookingStatus.Cancelled, statuses[cancelled.Code]);
        Assert.Equal(["booking.confirmed", "booking.noshow"], await app.AuditActionsForAsync("Booking", missed.Code));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task WalkIn_TakesAFreeSeatAsAttended_AndIsRefusedWhenFull()
    {
        var session = await app.CreateSessionAsync(capacity: 1, startsIn: TimeSpan.FromHours(2));
        app.Clock.Advance(TimeSpan.FromHours(3)); // walk-ins come on the day, to a class under way
        var walkIn = TestData.Resident() with { Channel = BookingChannel.Counter };
        Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, walkIn, BookingKind.WalkIn));
        Assert.Equal(BookingStatus.Attended, Assert.Single(await app.BookingsOfAsync(session)).Status);
        Assert.IsType<BookingResult.Full>(await app.BookAsync(session, TestData.Resident() with { Channel = BookingChannel.Counter }, BookingKind.WalkIn));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task Participant_OnTheWeb_IsReusedOnlyWhenEveryDetailIsTheSame_AndNeverChanged()
    {
        var phone = TestData.NextPhone();
        var sessions = new List<int>();
        for (var i = 0; i < 3; i++) sessions.Add(await app.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromDays(3 + i)));
        await app.BookAsync(sessions[0], TestData.Resident(phone));
        await app.BookAsync(sessions[1], TestData.Resident(phone));
        await app.BookAsync(sessions[2], TestData.Resident(phone, email: "hanako@example.jp"));

        var participants = await app.WithDbAsync(db => db.Participants.AsNoTracking().Where(p => p.Phone == phone).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal([null, "hanako@example.jp"], participants.Select(p => p.Email));
        Assert.Equal(ContactPreference.Phone, participants[0].ContactPreference);
    }

    [Fact]
    public async Task Participant_BookedByStaff_IsOnePersonWithTheLatestDetails()
    {
        var phone = TestData.NextPhone();
        var first = await app.CreateSessionAsync(capacity: 3);
        var second = await app.CreateSessionAsync(capacity: 3);
        await app.BookAsync(first, TestData.Resident(phone) with { Channel = BookingChannel.Phone }, BookingKind.Proxy);
        await app.BookAsync(second, TestData.Resident(phone, email: "hanako@example.jp") with { Channel = BookingChannel.Phone }, BookingKind.Proxy);
        var participant = Assert.Single(await app.WithDbAsync(db => db.Participants.AsNoTracking().Where(p => p.Phone == phone).ToListAsync()));
        Assert.Equal(("hanako@example.jp", ContactPreference.Email), (participant.Email, participant.ContactPreference));
    }
}
