namespace SumahoSupport.Core.Bookings;

public static class BookingStatuses
{
    /// <summary>Statuses that occupy a seat and are counted by <c>ClassSession.Confirmed</c>.</summary>
    public static readonly BookingStatus[] HoldingSeat = [BookingStatus.Confirmed, BookingStatus.Attended, BookingStatus.NoShow];

    /// <summary>Statuses that make a booking "active" for the one-per-person rule.</summary>
    public static readonly BookingStatus[] Active = [BookingStatus.Confirmed, BookingStatus.Waitlisted];
}
