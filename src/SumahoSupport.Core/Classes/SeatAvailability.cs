namespace SumahoSupport.Core.Classes;

/// <summary>What a resident can do about a class right now: book, join the waiting list, or nothing.</summary>
public enum SeatState
{
    Open,
    Full,
    Closed,
    Cancelled,
}

/// <param name="OpenUntilUtc">
/// While a class can be booked or waited for, when that ends by itself (booking closes); null once it cannot. A page that
/// shows this availability stays true until then, unless a booking or an edit changes it.
/// </param>
public readonly record struct SeatAvailability(SeatState State, int SeatsLeft, DateTime? OpenUntilUtc = null)
{
    public static SeatAvailability Of(ClassSessionStatus status, int capacity, int confirmed, DateTime bookingClosesAtUtc, DateTime nowUtc)
    {
        if (status == ClassSessionStatus.Cancelled) return new(SeatState.Cancelled, 0);
        if (nowUtc >= bookingClosesAtUtc) return new(SeatState.Closed, 0);
        var left = Math.Max(0, capacity - confirmed);
        return new(left == 0 ? SeatState.Full : SeatState.Open, left, bookingClosesAtUtc);
    }
}
