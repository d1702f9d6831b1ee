using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Calendar;

/// <summary>
/// The calendar side of bookings and assignments: stable UIDs, the current SEQUENCE (the booking's own changes plus
/// the session's moves), and the words an invitation carries. Mail, downloads and feeds all build from here.
/// Words for residents are written in the current language (<see cref="Text.Languages"/>): the reader's on a page, the
/// booking's in a mail.
/// </summary>
public sealed class ClassInvitations(
    AppDbContext db, ISiteLinks links, IOptions<MailOptions> mail, IOptions<CityOptions> city, IStringLocalizer<SharedResource> text)
{
    private string Domain => OrganizerDomain;

    /// <summary>The domain of <c>Mail:From</c>, used for UIDs and Message-IDs.</summary>
    public string OrganizerDomain => mail.Value.From.Split('@') is [_, var domain] ? domain : "sumaho.invalid";

    /// <summary>The organizer of every invitation (the <c>Mail:From</c> address).</summary>
    public string OrganizerEmail => mail.Value.From;

    /// <summary>A booking's facts in the booking's own language: the city's English words where it wrote them (Languages.Pick).</summary>
    public Task<BookingFacts?> BookingAsync(string code, CancellationToken ct) =>
        db.Bookings.AsNoTracking().Where(b => b.Code == code)
            .Select(b => new BookingFacts(
                b.Id, b.Code, b.ManageToken, b.Status, b.Sequence + b.ClassSession.Sequence, b.Participant.Name, b.Participant.Email,
                b.ClassSessionId,
                b.Language == Languages.EnglishCode && b.ClassSession.Course.TitleEn != null ? b.ClassSession.Course.TitleEn : b.ClassSession.Course.Title,
                b.ClassSession.StartsAtUtc, b.ClassSession.EndsAtUtc,
                b.Language == Languages.EnglishCode && b.ClassSession.Course.ThingsToBringEn != null && b.ClassSession.Notes == b.ClassSession.Course.ThingsToBring
                    ? b.ClassSession.Course.ThingsToBringEn : b.ClassSession.Notes,
                b.Language == Languages.EnglishCode && b.ClassSession.Venue.NameEn != null ? b.ClassSession.Venue.NameEn : b.ClassSession.Venue.Name,
                b.ClassSession.Venue.Address, b.SurveyToken, b.Language, b.Participant.ContactPreference, b.Participant.LineUserId, b.Participant.Phone))
            .SingleOrDefaultAsync(ct);

    public Task<AssignmentFacts?> AssignmentAsync(int sessionId, int supporterId, CancellationToken ct) =>
        Facts(db.Assignments.Where(a => a.ClassSessionId == sessionId && a.SupporterId == supporterId)).SingleOrDefaultAsync(ct);

    /// <summary>A supporter's assignments of classes starting after <paramref name="sinceUtc"/>, for their feed.</summary>
    public Task<List<AssignmentFacts>> AssignmentsOfAsync(int supporterId, DateTime sinceUtc, CancellationToken ct) =>
        Facts(db.Assignments.Where(a => a.SupporterId == supporterId && a.ClassSession.StartsAtUtc > sinceUtc)
            .OrderBy(a => a.ClassSession.StartsAtUtc)).ToListAsync(ct);

    private static IQueryable<AssignmentFacts> Facts(IQueryable<Assignment> assignments) =>
        assignments.AsNoTracking()
            .Select(a => new AssignmentFacts(
                a.ClassSessionId, a.SupporterId, a.Role, a.Sequence + a.ClassSession.Sequence, a.Supporter.Name, a.Supporter.Email,
                a.ClassSession.Course.Title, a.ClassSession.StartsAtUtc, a.ClassSession.EndsAtUtc, a.ClassSession.Notes,
                a.ClassSession.Venue.Name, a.ClassSession.Venue.Address, a.ClassSession.Status, a.Response));

    public Invitation ForBooking(BookingFacts booking, bool cancelled) => new(
        $"booking-{booking.Code}@{Domain}", booking.Sequence, cancelled, booking.StartsAtUtc, booking.EndsAtUtc,
        booking.Title, text["{0}（{1}）", booking.VenueName, booking.VenueAddress],
        text["持ち物: {0}\n予約番号: {1}\n予約の確認・キャンセル: {2}\nお問い合わせ: {3} スマホ相談窓口 {4}（{5}）",
            booking.Notes ?? text["特にありません"], booking.Code, links.Booking(booking.Code, booking.Token), city.Value.LocalName, city.Value.HelpPhone, city.Value.LocalHelpHours],
        mail.Value.From, OrganizerName, booking.Email ?? "", booking.Name, ReplyRequested: false);

    public Invitation ForAssignment(AssignmentFacts assignment, bool cancelled) => new(
        $"assignment-{assignment.SessionId}-{assignment.SupporterId}@{Domain}", assignment.Sequence, cancelled,
        assignment.StartsAtUtc, assignment.EndsAtUtc, $"【{SupporterLabels.Role(assignment.Role)}】{assignment.Title}",
        $"{assignment.VenueName}（{assignment.VenueAddress}）",
        $"役割: {SupporterLabels.Role(assignment.Role)}\n持ち物: {assignment.Notes ?? "特にありません"}\nお問い合わせ: {city.Value.Name} {city.Value.HelpPhone}",
        mail.Value.From, OrganizerName, assignment.Email ?? "", assignment.Name, ReplyRequested: true);

    /// <summary>
    /// A resident's consultation, as mailed and as downloaded from its slip: one UID, so the two are one event. Written in
    /// the current language (the mail runs inside the booking's, the slip in the reader's).
    /// </summary>
    public Invitation ForConsultation(
        string code, string manageToken, int sequence, bool cancelled, DateTime startsAtUtc, DateTime endsAtUtc, string place, string? address,
        string email, string name) => new(
        $"consultation-{code}@{Domain}", sequence, cancelled, startsAtUtc, endsAtUtc, text["スマホ相談"],
        address is null ? place : text["{0}（{1}）", place, address],
        text["予約番号: {0}\n予約の確認・キャンセル: {1}\nお問い合わせ: {2} スマホ相談窓口 {3}",
            code, links.Consultation(code, manageToken), city.Value.LocalName, city.Value.HelpPhone],
        mail.Value.From, OrganizerName, email, name, ReplyRequested: false);

    /// <summary>A public event for a venue's feed: what, when and where, nobody's name.</summary>
    public Invitation ForVenueFeed(int sessionId, string title, DateTime startsAtUtc, DateTime endsAtUtc, string venueName, string address, int sequence, bool cancelled) => new(
        $"class-{sessionId}@{Domain}", sequence, cancelled, startsAtUtc, endsAtUtc, title, $"{venueName}（{address}）",
        $"予約: {links.Class(sessionId)}\nお問い合わせ: {city.Value.Name} スマホ相談窓口 {city.Value.HelpPhone}",
        mail.Value.From, OrganizerName, mail.Value.From, OrganizerName, ReplyRequested: false);

    public string OrganizerName => text["{0} スマホ教室", city.Value.Name];
}

public sealed record BookingFacts(
    int Id, string Code, string Token, BookingStatus Status, int Sequence, string Name, string? Email, int SessionId,
    string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, string? Notes, string VenueName, string VenueAddress, string? SurveyToken, string Language,
    ContactPreference Contact, string? LineUserId, string Phone);

/// <summary>A class as a new booking's notices describe it, read before the booking takes the class row (BookingService).</summary>
/// <param name="Full">Every seat was taken when the facts were read: a booking then most likely waits (BookingService).</param>
public sealed record ClassFacts(string Language, int Sequence, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, string? Notes, string VenueName, string VenueAddress,
    bool Full)
{
    /// <summary>The facts of <paramref name="booking"/>, just added for <paramref name="participant"/> and saved (it has its id).</summary>
    public BookingFacts Of(Booking booking, Participant participant) => new(
        booking.Id, booking.Code, booking.ManageToken, booking.Status, booking.Sequence + Sequence, participant.Name, participant.Email,
        booking.ClassSessionId, Title, StartsAtUtc, EndsAtUtc, Notes, VenueName, VenueAddress, booking.SurveyToken, Language,
        participant.ContactPreference, participant.LineUserId, participant.Phone);
}

public sealed record AssignmentFacts(
    int SessionId, int SupporterId, AssignmentRole Role, int Sequence, string Name, string? Email, string Title,
    DateTime StartsAtUtc, DateTime EndsAtUtc, string? Notes, string VenueName, string VenueAddress, ClassSessionStatus SessionStatus,
    AssignmentResponse Response);
