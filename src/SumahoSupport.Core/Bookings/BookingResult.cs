namespace SumahoSupport.Core.Bookings;

/// <summary>The expected outcomes of asking for a seat; pages turn each into a screen or a message.</summary>
public abstract record BookingResult
{
    private BookingResult()
    {
    }

    public sealed record Booked(string Code, string Token) : BookingResult;

    public sealed record Waitlisted(string Code, string Token, int Position) : BookingResult;

    /// <summary>
    /// This phone already holds a seat or a waiting place in the class. <see cref="SamePerson"/> is true only when the
    /// ふりがな matches too; only then may the manage link be shown, so a phone number alone reveals nothing.
    /// </summary>
    public sealed record AlreadyBooked(string Code, string Token, BookingStatus Status, bool SamePerson) : BookingResult;

    /// <summary>Not taking bookings: past its deadline, cancelled, or unknown.</summary>
    public sealed record Closed : BookingResult;

    /// <summary>A walk-in found no free seat (walk-ins are never put on the waiting list).</summary>
    public sealed record Full : BookingResult;
}

public enum CancelResult
{
    Cancelled,
    AlreadyCancelled,
    NotFound,
    TooLate,
}

public enum AttendanceResult
{
    Recorded,

    /// <summary>Only a booking that holds a seat can attend or miss the class; a cancelled one is never a no-show.</summary>
    NotSeated,
}

public enum PromoteResult
{
    Promoted,
    NotWaiting,
    NoSeat,
}
