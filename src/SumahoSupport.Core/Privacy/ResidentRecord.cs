namespace SumahoSupport.Core.Privacy;

/// <summary>
/// 本人開示: everything the city holds about one resident, as the printable page and the JSON download show it. Times are
/// Japan time, values are in words, so the resident can read it without the app.
/// </summary>
public sealed record ResidentRecord(
    DateTime PreparedAt,
    IReadOnlyList<ResidentDetails> Details,
    IReadOnlyList<ResidentClassBooking> ClassBookings,
    IReadOnlyList<ResidentConsultation> Consultations,
    IReadOnlyList<ResidentCall> Calls,
    IReadOnlyList<ResidentFollowUp> FollowUps,
    IReadOnlyList<ResidentMail> Mails,
    IReadOnlyList<ResidentSurveyAnswer> LinkedSurveyAnswers);

/// <summary>One participant record: the details given with one or more bookings.</summary>
public sealed record ResidentDetails(
    int Id, string Name, string Kana, string Phone, string? Email, string AgeBand, string Device, string? Needs, string ContactPreference,
    DateTime CreatedAt);

public sealed record ResidentClassBooking(
    string Code, string Class, DateTime StartsAt, string Venue, string Status, string Channel, bool NeedsLoanerDevice, DateTime BookedAt);

public sealed record ResidentConsultation(
    string Code, DateTime StartsAt, string Place, string Topics, string? Request, string Status, string Channel, DateTime BookedAt);

public sealed record ResidentCall(string About, string Reason, string? Note, DateTime CreatedAt, DateTime? DoneAt);

public sealed record ResidentFollowUp(string Class, string Status, string? SecondAnswer, DateTime CreatedAt);

public sealed record ResidentMail(string About, string Subject, string To, string Status, DateTime WrittenAt, DateTime? SentAt);

public sealed record ResidentSurveyAnswer(string Class, string? Understanding, string? Comment, DateTime AnsweredAt);
