namespace SumahoSupport.Core.Notifications;

/// <summary>
/// 電話連絡リスト: a call a coordinator must make because the resident has no e-mail — the day-before reminder, a seat
/// freed from the waiting list, a class moved or cancelled, a consultation cancelled by the city. It is about exactly one
/// booking: a class booking or a consultation booking.
/// </summary>
public sealed class CallTask
{
    public int Id { get; set; }
    public CallReason Reason { get; set; }
    public int? BookingId { get; set; }
    public Bookings.Booking? Booking { get; set; }
    public int? ConsultationBookingId { get; set; }
    public Consultations.ConsultationBooking? ConsultationBooking { get; set; }

    /// <summary>Extra words for the caller, e.g. the new time or the cancellation reason.</summary>
    public string? Note { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public string? DoneBy { get; set; }
}

public enum CallReason
{
    Reminder = 0,
    Promoted = 1,
    Changed = 2,
    Cancelled = 3,

    /// <summary>理解度フォロー: offer a consultation or a repeat class to someone who did not understand their class.</summary>
    FollowUp = 4,

    /// <summary>キャンセル待ちの終了: no seat freed by the booking cutoff.</summary>
    WaitlistLapsed = 5,

    /// <summary>
    /// The resident's own channel did not reach them — a text undelivered, the day-before call unanswered, over the monthly
    /// cap: the note says what they were to hear and why it did not arrive.
    /// </summary>
    NotReached = 6,
}
