namespace SumahoSupport.Core.Bookings;

/// <summary>The expected outcomes of asking for a seat; pages turn each into a screen or a message.</summary>
public abstract record BookingResult
{
    private BookingResult()
    {
    }

    public sealed record Booked(string Code, string Token) : BookingResult;

    /// <summary>
    /// A waiting place. Its number is asked of <see cref="BookingService.WaitlistPositionAsync"/> by the page that says it:
    /// a resident's answer is a redirect to their booking's page, which numbers it anyway.
    /// </summary>
    public sealed record Waitlisted(string Code, string Token, int BookingId, int SessionId) : BookingResult;

    /// <summary>
    /// This phone already holds a seat or a waiting place in the class. Its code and status are for staff, who have the
    /// resident on the line; the manage token is never part of the answer, because a phone number and ふりがな are
    /// known to neighbours and printed on rosters and prove nothing about who is asking.
    /// </summary>
    public sealed record AlreadyBooked(string Code, BookingStatus Status) : BookingResult;

    /// <summary>This phone number already holds as many web bookings as <see cref="PhoneQuotaOptions"/> allows.</summary>
    public sealed record LimitReached : BookingResult;

    /// <summary>Not taking bookings: past its deadline, cancelled, or unknown.</summary>
    public sealed record Closed : BookingResult;

    /// <summary>A walk-in found no free seat (walk-ins are never put on the waiting list).</summary>
    public sealed record Full : BookingResult;
}

/// <summary>振替: the answer to moving a booking to another date of the same course.</summary>
public enum MoveResult
{
    /// <summary>Moved, with a seat.</summary>
    Moved,

    /// <summary>Moved onto the new date's waiting list, at its end.</summary>
    MovedToWaitingList,
    NotFound,

    /// <summary>Cancelled, ended, or its class has started: nothing to move.</summary>
    NotMovable,

    /// <summary>Not another coming date of the same course, or no longer taking bookings.</summary>
    NotAnOption,

    /// <summary>The same phone already holds a place on the new date.</summary>
    AlreadyThere,
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

    /// <summary>Attendance opens on the class's day (Tokyo): before it nobody can have come or stayed away.</summary>
    NotYet,
}

public enum UndoResult
{
    Undone,

    /// <summary>The time to undo has passed (the seat went to the waiting list, the resident was told), or there was none.</summary>
    TooLate,

    /// <summary>The resident booked this class again in the meantime; that booking stands.</summary>
    BookedAgain,
}

public enum PromoteResult
{
    Promoted,
    NotWaiting,
    NoSeat,
}
