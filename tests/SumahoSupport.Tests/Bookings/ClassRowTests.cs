using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

/// <summary>The app whose next UPDATE of a class row is preceded by what another resident does at that moment.</summary>
public sealed class MeanwhileAppFactory : InterceptedAppFactory
{
    private Func<Task>? meanwhile;

    /// <summary>Runs <paramref name="change"/> (committed on its own connection) just before the next UPDATE of a class row.</summary>
    public void BeforeTheClassRow(Func<Task> change) => meanwhile = change;

    protected override IInterceptor Interceptor => new Meanwhile(this);

    private sealed class Meanwhile(MeanwhileAppFactory app) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("UPDATE", StringComparison.Ordinal) && command.CommandText.Contains("ClassSessions", StringComparison.Ordinal)
                && Interlocked.Exchange(ref app.meanwhile, null) is { } change)
            {
                await change();
            }
            return result;
        }
    }
}

/// <summary>
/// A booking takes the class row with the one statement the class's state when it was read calls for — a seat, or only the
/// row when the class was full. A seat given back or taken between that read and the row must still be seen: the resident
/// gets the seat a cancellation freed, or waits behind the one who took the last — never "closed", never a lost seat.
/// Another writer can come between them only on a server database (SQLite writes one transaction at a time).
/// </summary>
[Trait("Provider", "ServerOnly")]
public sealed class ClassRowTests(MeanwhileAppFactory app) : IClassFixture<MeanwhileAppFactory>
{
    [Fact]
    public async Task AFullClass_WhoseSeatIsGivenBackMeanwhile_SeatsTheResident()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));

        app.BeforeTheClassRow(() => app.WithBookingsAsync(b => b.CancelByResidentAsync(seated.Code, seated.Token, default)));
        Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));

        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Confirmed], (await app.BookingsOfAsync(session)).Select(b => b.Status));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task AClassWhoseLastSeatIsTakenMeanwhile_PutsTheResidentOnTheWaitingList()
    {
        var session = await app.CreateSessionAsync(capacity: 1);

        app.BeforeTheClassRow(async () => Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident())));
        Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));

        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Waitlisted], (await app.BookingsOfAsync(session)).Select(b => b.Status));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }
}
