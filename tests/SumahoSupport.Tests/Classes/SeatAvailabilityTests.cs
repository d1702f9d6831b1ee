using SumahoSupport.Core.Classes;

namespace SumahoSupport.Tests.Classes;

public sealed class SeatAvailabilityTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ClosesLater = Now.AddDays(1);

    [Fact]
    public void Of_WithSeatsLeft_IsOpenWithTheCount() =>
        Assert.Equal(new SeatAvailability(SeatState.Open, 3, ClosesLater), SeatAvailability.Of(ClassSessionStatus.Scheduled, 8, 5, ClosesLater, Now));

    [Fact]
    public void Of_FullClass_StaysOpenToTheWaitingListUntilBookingCloses() =>
        Assert.Equal(ClosesLater, SeatAvailability.Of(ClassSessionStatus.Scheduled, 8, 8, ClosesLater, Now).OpenUntilUtc);

    [Fact]
    public void Of_ClosedOrCancelled_DoesNotChangeByItself()
    {
        Assert.Null(SeatAvailability.Of(ClassSessionStatus.Scheduled, 8, 0, Now, Now).OpenUntilUtc);
        Assert.Null(SeatAvailability.Of(ClassSessionStatus.Cancelled, 8, 0, ClosesLater, Now).OpenUntilUtc);
    }

    [Fact]
    public void Of_WhenEverySeatIsTaken_IsFull() =>
        Assert.Equal(SeatState.Full, SeatAvailability.Of(ClassSessionStatus.Scheduled, 8, 8, ClosesLater, Now).State);

    [Fact]
    public void Of_AtTheCutoff_IsClosedEvenWithSeatsLeft() =>
        Assert.Equal(SeatState.Closed, SeatAvailability.Of(ClassSessionStatus.Scheduled, 8, 0, Now, Now).State);

    [Fact]
    public void Of_CancelledSession_IsCancelledBeforeAnythingElse() =>
        Assert.Equal(SeatState.Cancelled, SeatAvailability.Of(ClassSessionStatus.Cancelled, 8, 0, ClosesLater, Now).State);
}
