using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;

namespace SumahoSupport.Core.Surveys;

/// <summary>
/// 理解度フォロー: a participant who answered 「あまり理解できなかった」 or 「理解できなかった」 and agreed to be contacted.
/// The city offers a one-to-one consultation or a repeat of the class; the answer after that (the repeat class's own
/// survey, or asked at or after the consultation) is kept here beside the first, so the dashboard can show how many
/// understood the second time. This row is the only link from an answer to a person, and exists only with that consent.
/// </summary>
public sealed class SurveyFollowUp
{
    public int Id { get; set; }

    public long SurveyResponseId { get; set; }
    public SurveyResponse SurveyResponse { get; set; } = default!;

    /// <summary>The class booking the first answer was about: the person, their contact, the class.</summary>
    public int BookingId { get; set; }
    public Booking Booking { get; set; } = default!;

    public FollowUpStatus Status { get; set; }

    /// <summary>The consultation arranged as the follow-up, if that is what they chose.</summary>
    public int? ConsultationBookingId { get; set; }
    public ConsultationBooking? ConsultationBooking { get; set; }

    /// <summary>The later class booked as a repeat, if that is what they chose; its survey gives the second answer.</summary>
    public int? RepeatBookingId { get; set; }
    public Booking? RepeatBooking { get; set; }

    /// <summary>The answer to the same question after the follow-up.</summary>
    public Understanding? SecondUnderstanding { get; set; }
    public DateTime? SecondAnsweredAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime StatusChangedAtUtc { get; set; }

    /// <summary>Who last changed it: a coordinator, or 「住民」 when the resident answered.</summary>
    public string? ChangedBy { get; set; }
}

public enum FollowUpStatus
{
    /// <summary>Offered (mail or call) and not arranged yet.</summary>
    Open = 0,

    /// <summary>A consultation or a repeat class is booked.</summary>
    Arranged = 1,

    /// <summary>The second answer is in.</summary>
    Completed = 2,

    /// <summary>They said no after all, or changed their answer.</summary>
    Declined = 3,
}
