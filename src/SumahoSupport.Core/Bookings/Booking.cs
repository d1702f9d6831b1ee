using SumahoSupport.Core.Data;
using SumahoSupport.Core.Classes;

namespace SumahoSupport.Core.Bookings;

/// <summary>予約: a resident's seat (or place on the waiting list) in one <see cref="ClassSession"/>.</summary>
public sealed class Booking : IHasId
{
    public int Id { get; set; }

    /// <summary>予約番号 read out over the phone, e.g. <c>K7M-4PX</c>.</summary>
    public required string Code { get; set; }

    /// <summary>Secret (≥128 bits) in the manage link; whoever holds it may cancel.</summary>
    public required string ManageToken { get; set; }

    public int ClassSessionId { get; set; }
    public ClassSession ClassSession { get; set; } = default!;
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = default!;

    /// <summary>The participant's normalised phone, copied so one active booking per person is a unique index.</summary>
    public required string PhoneKey { get; set; }

    public BookingStatus Status { get; set; }
    public BookingChannel Channel { get; set; }

    /// <summary>
    /// The language the booking was made in (<see cref="Text.Languages"/> code, "ja" or "en"): every later mail, invitation,
    /// call-list script and slip to this resident is written in it.
    /// </summary>
    public string Language { get; set; } = Text.Languages.JapaneseCode;

    public bool NeedsLoanerDevice { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime StatusChangedAtUtc { get; set; }

    /// <summary>
    /// Changes of this booking's own invitation (its cancellation); the invitation's SEQUENCE is this plus the
    /// session's <see cref="ClassSession.Sequence"/>, so moving a class raises every attendee's invitation.
    /// </summary>
    public int Sequence { get; set; }

    /// <summary>Secret (≥128 bits) in the survey link and QR code; separate from the manage token, so a printed QR
    /// for the survey never lets anyone cancel.</summary>
    public string? SurveyToken { get; set; }

    /// <summary>When the day-before reminder was claimed (mail or call), so it happens once.</summary>
    public DateTime? RemindedAtUtc { get; set; }

    /// <summary>When the アンケートのお願い after the class was claimed, so it is sent once.</summary>
    public DateTime? SurveyRequestedAtUtc { get; set; }

    /// <summary>
    /// A seat a coordinator cancelled, which may still be put back (元に戻す) until then: the seat stays counted and the
    /// resident's mail waits until this time, so nothing has reached anyone yet. The minute job then frees the seat
    /// for the waiting list (<see cref="BookingService.ReleaseHeldSeatsAsync"/>). Null otherwise.
    /// </summary>
    public DateTime? UndoUntilUtc { get; set; }
}

public enum BookingStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
    Attended = 3,
    NoShow = 4,

    /// <summary>
    /// A waiting place that no seat reached by the booking cutoff: the resident was told it ended. Staff may still give
    /// it a seat that frees before the class (by phone, with the resident's yes).
    /// </summary>
    Lapsed = 5,
}

public enum BookingChannel
{
    Web = 0,
    Phone = 1,
    Counter = 2,
}
