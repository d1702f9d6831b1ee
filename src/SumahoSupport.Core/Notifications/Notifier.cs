using Microsoft.EntityFrameworkCore;
using Humanizer;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Notifications;

public enum SupporterNotice
{
    /// <summary>The application was approved: a link to set the password of the new account.</summary>
    Approved,

    /// <summary>Certified, renewed, reinstated or made Lead.</summary>
    Certified,

    /// <summary>The certification expired without the refresh module.</summary>
    Lapsed,
}

public enum ConsultationNotice
{
    Confirmed,

    /// <summary>The resident cancelled it themselves.</summary>
    Cancelled,

    /// <summary>A coordinator cancelled it (the supporter fell ill, the venue closed): the resident must be told.</summary>
    CancelledByCity,

    Reminder,

    /// <summary>A coordinator handed it to another supporter.</summary>
    SupporterChanged,
}

public enum BookingNotice
{
    Confirmed,
    Waitlisted,
    Promoted,
    Changed,
    Cancelled,
    SessionCancelled,
    Reminder,

    /// <summary>The booking cutoff came and no seat reached this waiting place: it ended.</summary>
    WaitlistLapsed,

    /// <summary>振替: the resident moved to another date of the course (with a seat, or onto its waiting list).</summary>
    Moved,
}

/// <summary>
/// Tells people what changed: into the outbox by the resident's channel — an e-mail with its calendar invitation, a LINE
/// message, a text, the day-before call — or a call on the 電話連絡リスト for those no channel reaches. It only adds rows to the caller's unit of work, so the message
/// is saved in the same transaction as the change — or not at all. What goes to a resident (mail, invitation, the note on
/// the call list) is written in the language of their booking; what goes to supporters and staff is Japanese.
/// </summary>
public sealed class Notifier(
    AppDbContext db, ClassInvitations invitations, ISiteLinks links, MailTemplates templates, IOptions<CityOptions> city, TimeProvider clock,
    IStringLocalizer<SharedResource> text, Messaging.ResidentChannels channels, Messaging.ShortMessages shortMessages)
{
    /// <summary>The template of a booking's cancellation, which 元に戻す withdraws while it waits.</summary>
    public const string CancelledTemplate = "booking-cancelled";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <param name="hadInvitation">For cancellations: the booking held a seat, so its holder has an invitation to withdraw.</param>
    /// <param name="sendAfterUtc">The mail waits until then (a cancellation that may still be undone).</param>
    public async Task BookingAsync(string code, BookingNotice notice, CancellationToken ct, string? reason = null, bool hadInvitation = false,
        DateTime? sendAfterUtc = null) =>
        await BookingAsync(await invitations.BookingAsync(code, ct) ?? throw new KeyNotFoundException($"Booking {code}"), notice, ct, reason, hadInvitation, sendAfterUtc);

    /// <summary>The same, from facts the caller already holds (a new booking: <see cref="ClassFacts.Of"/>), with no read of its own.</summary>
    public async Task BookingAsync(BookingFacts booking, BookingNotice notice, CancellationToken ct, string? reason = null, bool hadInvitation = false,
        DateTime? sendAfterUtc = null)
    {
        using var language = Languages.Use(booking.Language);
        var channel = await ChannelForAsync(booking, notice, ct);
        if (channel is MessageChannel.Line or MessageChannel.Sms or MessageChannel.Voice)
        {
            await ShortMessageAsync(channel.Value, booking, notice, reason, sendAfterUtc, ct);
            return;
        }
        if (channel is null)
        {
            var call = notice switch
            {
                BookingNotice.Promoted => CallReason.Promoted,
                BookingNotice.Changed => CallReason.Changed,
                BookingNotice.SessionCancelled => CallReason.Cancelled,
                BookingNotice.Reminder => CallReason.Reminder,
                BookingNotice.WaitlistLapsed => CallReason.WaitlistLapsed,
                // Moved with a reason: the city moved it (a merge), so the resident does not know yet.
                BookingNotice.Moved when reason is not null => CallReason.Changed,
                // Confirmed, waitlisted, moved and self-cancelled residents already know: they saw it or asked for it.
                _ => (CallReason?)null,
            };
            if (call is { } callReason) AddCall(booking.Id, callReason, CallNote(notice, booking, reason));
            return;
        }

        var (template, invitation) = notice switch
        {
            BookingNotice.Confirmed => ("booking-confirmed", invitations.ForBooking(booking, cancelled: false)),
            BookingNotice.Waitlisted => ("booking-waitlisted", null),
            BookingNotice.Promoted => ("booking-promoted", invitations.ForBooking(booking, cancelled: false)),
            BookingNotice.Changed => ("booking-changed", invitations.ForBooking(booking, cancelled: false)),
            BookingNotice.Cancelled or BookingNotice.SessionCancelled =>
                (CancelledTemplate, hadInvitation ? invitations.ForBooking(booking, cancelled: true) : null),
            BookingNotice.Reminder => ("reminder", (Invitation?)null),
            BookingNotice.WaitlistLapsed => ("booking-lapsed", null),
            // The same calendar event moves (same UID, next SEQUENCE); onto a waiting list, it is withdrawn until a seat comes.
            BookingNotice.Moved => ("booking-moved", booking.Status == BookingStatus.Confirmed ? invitations.ForBooking(booking, cancelled: false)
                : hadInvitation ? invitations.ForBooking(booking, cancelled: true) : null),
            _ => throw new ArgumentOutOfRangeException(nameof(notice)),
        };
        var model = Common(booking.Name, booking.Title, booking.StartsAtUtc, booking.EndsAtUtc, booking.VenueName, booking.VenueAddress, booking.Notes, links.Class(booking.SessionId))
            .Set("booking_code", booking.Code)
            .Set("manage_url", links.Booking(booking.Code, booking.Token))
            .Set("reason", reason)
            .Set("waitlist_position", booking.Status == BookingStatus.Waitlisted && notice is BookingNotice.Waitlisted or BookingNotice.Moved
                ? await WaitingList.PositionAsync(db, booking.Id, booking.SessionId, ct) : "");
        Enqueue(template, booking.Code, booking.Email!, booking.Name, templates.Render(template, model), invitation, sendAfterUtc);
    }

    /// <summary>
    /// The resident's one channel for this news: theirs when the city has it on and it can carry this (LINE once linked, a
    /// text to a mobile under the monthly cap, a call only the day before); else mail when they have an address and did
    /// not ask for a call; else null — a coordinator's call, for the news that needs one. Pages that say how someone will
    /// hear (a merge's confirmation) ask here too.
    /// </summary>
    public async Task<MessageChannel?> ChannelForAsync(BookingFacts booking, BookingNotice notice, CancellationToken ct)
    {
        switch (booking.Contact)
        {
            case ContactPreference.Line when channels.LineOn && booking.LineUserId is not null:
                return MessageChannel.Line;
            case ContactPreference.Sms when channels.SmsOn && Messaging.ResidentChannels.IsMobile(booking.Phone) && await channels.UnderCapAsync(Now, ct):
                return MessageChannel.Sms;
            case ContactPreference.Voice when channels.VoiceOn && notice == BookingNotice.Reminder && await channels.UnderCapAsync(Now, ct):
                return MessageChannel.Voice;
        }
        return booking.Email is not null && booking.Contact != ContactPreference.Phone ? MessageChannel.Mail : null;
    }

    /// <summary>
    /// A LINE message, text or call about a booking. LINE's carries buttons: 「キャンセルする」 (which asks once more) while
    /// the booking holds a seat or a waiting place, and 「通知をやめる」.
    /// </summary>
    private async Task ShortMessageAsync(MessageChannel channel, BookingFacts booking, BookingNotice notice, string? reason, DateTime? sendAfterUtc, CancellationToken ct)
    {
        var position = booking.Status == BookingStatus.Waitlisted ? await WaitingList.PositionAsync(db, booking.Id, booking.SessionId, ct) : 0;
        var headline = shortMessages.Headline(notice, reason, position);
        var manageUrl = links.Booking(booking.Code, booking.Token);
        var kind = "booking-" + notice.ToString().ToLowerInvariant();
        // What the resident just did themselves (or with staff on the phone) is told at once; news they did not ask for
        // waits out the quiet hours.
        var answersResident = notice is BookingNotice.Confirmed or BookingNotice.Waitlisted or BookingNotice.Cancelled
            || (notice is BookingNotice.Moved && reason is null);
        switch (channel)
        {
            case MessageChannel.Line:
                var body = shortMessages.ForLine(city.Value.LocalName, booking, headline, manageUrl);
                var open = booking.Status is BookingStatus.Confirmed or BookingStatus.Waitlisted;
                var buttons = open
                    ? new (string, string?)[] { (shortMessages.CancelButton, Messaging.LineConversation.CancelAsk(booking.Code)), (text["通知をやめる"], null) }
                    : [(text["通知をやめる"], null)];
                EnqueueShort(MessageChannel.Line, kind, booking.Code, booking.LineUserId!, headline, body,
                    Messaging.LineApi.Messages(Messaging.LineApi.Text(body, buttons)), sendAfterUtc, answersResident);
                break;
            case MessageChannel.Sms:
                EnqueueShort(MessageChannel.Sms, kind, booking.Code, Messaging.ResidentChannels.E164(booking.Phone), headline,
                    shortMessages.ForSms(city.Value.LocalName, booking, headline, manageUrl), "", sendAfterUtc, answersResident);
                break;
            default:
                EnqueueShort(MessageChannel.Voice, kind, booking.Code, Messaging.ResidentChannels.E164(booking.Phone), headline,
                    shortMessages.ForVoice(city.Value.LocalName, booking), "", sendAfterUtc);
                break;
        }
    }

    /// <summary>
    /// A LINE message that answers what the resident just wrote (linked, asked to confirm, cancelled): it goes at once, in
    /// the quiet hours too — they are holding their phone.
    /// </summary>
    public void LineReply(string lineUserId, string relatesTo, string headline, string messagesJson) =>
        EnqueueShort(MessageChannel.Line, "line-reply", relatesTo, lineUserId, headline, headline, messagesJson, sendAfterUtc: null, answersResident: true);

    /// <summary>A text that answers one the resident sent (「キャンセル」, 「停止」): at once, as <see cref="LineReply"/>.</summary>
    public void SmsReply(string e164, string relatesTo, string body) =>
        EnqueueShort(MessageChannel.Sms, "sms-reply", relatesTo, e164, body.Split('\n')[0], body, "", sendAfterUtc: null, answersResident: true);

    /// <summary>
    /// The resident's channel did not reach them (a text undelivered, the call unanswered): a coordinator calls, with what
    /// they were to hear and why it did not arrive.
    /// </summary>
    public void NotReached(int bookingId, string what, string why) =>
        AddCall(bookingId, CallReason.NotReached, text["{0}（{1}）", what, why].Value);

    /// <summary>
    /// アンケートのお願い after the class, by e-mail only: people without e-mail were handed the QR slip or the paper form
    /// at the class, and a phone call to ask for a survey would be a burden, not a help.
    /// </summary>
    public async Task<bool> SurveyRequestAsync(string code, CancellationToken ct)
    {
        var booking = await invitations.BookingAsync(code, ct) ?? throw new KeyNotFoundException($"Booking {code}");
        if (booking.Email is null || booking.SurveyToken is null) return false;
        using var language = Languages.Use(booking.Language);
        var model = Common(booking.Name, booking.Title, booking.StartsAtUtc, booking.EndsAtUtc, booking.VenueName, booking.VenueAddress, booking.Notes, links.Class(booking.SessionId))
            .Set("survey_url", links.Survey(booking.SurveyToken, mailed: true));
        Enqueue("survey-request", booking.Code, booking.Email, booking.Name, templates.Render("survey-request", model), null);
        return true;
    }

    /// <summary>
    /// 理解度フォロー: someone who did not understand their class and agreed to be contacted is offered a one-to-one
    /// consultation or a repeat of the class — by mail with the links, or as a call on the list.
    /// </summary>
    public async Task FollowUpOfferAsync(string code, CancellationToken ct)
    {
        var booking = await invitations.BookingAsync(code, ct) ?? throw new KeyNotFoundException($"Booking {code}");
        using var language = Languages.Use(booking.Language);
        if (booking.Email is null)
        {
            AddCall(booking.Id, CallReason.FollowUp, text["「{0}」が「あまり理解できなかった」とのこと。スマホ相談か、もう一度の受講をご案内してください。", booking.Title]);
            return;
        }
        var model = Common(booking.Name, booking.Title, booking.StartsAtUtc, booking.EndsAtUtc, booking.VenueName, booking.VenueAddress, booking.Notes, links.Class(booking.SessionId))
            .Set("consultations_url", links.Consultations);
        Enqueue("survey-follow-up", booking.Code, booking.Email, booking.Name, templates.Render("survey-follow-up", model), null);
    }

    /// <summary>A supporter's invitation to work at a class (REQUEST, reply asked), or its withdrawal (CANCEL).</summary>
    public async Task AssignmentAsync(int sessionId, int supporterId, bool cancelled, CancellationToken ct)
    {
        var assignment = await invitations.AssignmentAsync(sessionId, supporterId, ct) ?? throw new KeyNotFoundException($"Assignment {sessionId}/{supporterId}");
        if (assignment.Email is null) return; // supporters without e-mail are staffed and told by phone by their coordinator
        using var japanese = Languages.Use(Languages.JapaneseCode);
        var template = cancelled ? "supporter-assignment-cancelled" : "supporter-assignment";
        var model = Common(assignment.Name, assignment.Title, assignment.StartsAtUtc, assignment.EndsAtUtc, assignment.VenueName, assignment.VenueAddress, assignment.Notes, links.Class(sessionId))
            .Set("role", Supporters.SupporterLabels.Role(assignment.Role))
            .Set("respond_url", links.SupporterClass(sessionId));
        Enqueue(template, $"assignment-{sessionId}-{supporterId}", assignment.Email, assignment.Name,
            templates.Render(template, model), invitations.ForAssignment(assignment, cancelled));
    }

    /// <summary>
    /// A supporter cannot come to a class they were put on: every coordinator with an address hears who, why and where to
    /// pick a substitute (the coordinators' home page lists it too).
    /// </summary>
    public async Task AssignmentDeclinedAsync(int sessionId, int supporterId, string? reason, CancellationToken ct)
    {
        var assignment = await invitations.AssignmentAsync(sessionId, supporterId, ct) ?? throw new KeyNotFoundException($"Assignment {sessionId}/{supporterId}");
        using var japanese = Languages.Use(Languages.JapaneseCode);
        foreach (var coordinator in await CoordinatorsAsync(ct))
        {
            var model = Common(coordinator.DisplayName, assignment.Title, assignment.StartsAtUtc, assignment.EndsAtUtc, assignment.VenueName, assignment.VenueAddress, assignment.Notes, links.Class(sessionId))
                .Set("supporter_name", assignment.Name)
                .Set("role", Supporters.SupporterLabels.Role(assignment.Role))
                .Set("reason", reason)
                .Set("staff_url", links.ClassStaffing(sessionId));
            Enqueue("assignment-declined", $"assignment-{sessionId}-{supporterId}", coordinator.Email, coordinator.DisplayName, templates.Render("assignment-declined", model), null);
        }
    }

    /// <summary>
    /// A supporter cannot take a consultation handed to them (their calendar said 不参加): every coordinator with an
    /// address hears who, when and why, with the consultation's page where they hand it to someone else.
    /// </summary>
    public async Task ConsultationDeclinedAsync(string code, int supporterId, string? reason, CancellationToken ct)
    {
        var booking = await db.ConsultationBookings.AsNoTracking().Where(b => b.Code == code)
            .Select(b => new { b.StartsAtUtc, b.EndsAtUtc, b.Schedule.Mode, VenueName = b.Schedule.Venue == null ? null : b.Schedule.Venue.Name, SupporterName = b.Supporter!.Name })
            .SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"ConsultationBooking {code}");
        using var japanese = Languages.Use(Languages.JapaneseCode);
        var place = Consultations.ConsultationLabels.Place(booking.VenueName, booking.Mode, label => text[label]);
        foreach (var coordinator in await CoordinatorsAsync(ct))
        {
            var model = Common(coordinator.DisplayName, text["スマホ相談"], booking.StartsAtUtc, booking.EndsAtUtc, place, "", null, "")
                .Set("supporter_name", booking.SupporterName)
                .Set("booking_code", code)
                .Set("reason", reason)
                .Set("staff_url", links.ConsultationStaffing(code));
            Enqueue("consultation-declined", $"consultation-{code}-supporter-{supporterId}", coordinator.Email, coordinator.DisplayName,
                templates.Render("consultation-declined", model), null);
        }
    }

    /// <summary>Every coordinator who can be mailed, for news they act on.</summary>
    private async Task<List<(string Email, string DisplayName)>> CoordinatorsAsync(CancellationToken ct) =>
        (await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Coordinator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => u.DisabledAtUtc == null && u.Email != null), id => id, u => u.Id, (_, u) => new { u.Id, u.Email, u.DisplayName })
            .OrderBy(u => u.Id).ToListAsync(ct)).ConvertAll(u => (u.Email!, u.DisplayName));

    /// <summary>News about a supporter's own standing; without e-mail the coordinator tells them in person.</summary>
    public async Task SupporterAsync(int supporterId, SupporterNotice notice, Supporters.Certification? certification, CancellationToken ct, string? setupUrl = null)
    {
        var supporter = await db.Supporters.AsNoTracking().Where(s => s.Id == supporterId)
            .Select(s => new { s.Name, s.Email }).SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"Supporter {supporterId}");
        if (supporter.Email is null) return;
        using var japanese = Languages.Use(Languages.JapaneseCode);
        var template = notice switch
        {
            SupporterNotice.Approved => "supporter-approved",
            SupporterNotice.Certified => "supporter-certified",
            _ => "supporter-certification-lapsed",
        };
        var model = Addressed(supporter.Name)
            .Set("setup_url", setupUrl)
            .Set("training_url", links.SupporterTraining);
        if (certification is not null)
        {
            model.Set("level", Supporters.SupporterLabels.Status(certification.Level))
                .Set("reason", Supporters.SupporterLabels.Basis(certification.Basis))
                .Set("valid_until", JapaneseTime.FormatDate(certification.ExpiresAtUtc, withYear: true))
                .Set("certificate_url", links.Certificate(certification.PublicId))
                .Set("badge_url", links.BadgeAssertion(certification.PublicId));
        }
        Enqueue(template, $"supporter-{supporterId}", supporter.Email, supporter.Name, templates.Render(template, model), null);
    }

    /// <summary>
    /// What a consultation's people must hear. The resident: by e-mail with the invitation (REQUEST or CANCEL) and the
    /// day-before reminder; without e-mail, a call on the list for the reminder and for a cancellation by the city (they
    /// booked or cancelled it themselves, so they already know the rest). The supporter: their own invitation, and when a
    /// coordinator hands the consultation to someone else, a CANCEL to the one before.
    /// </summary>
    public async Task ConsultationAsync(int bookingId, ConsultationNotice notice, CancellationToken ct, string? reason = null, int? previousSupporterId = null)
    {
        var booking = await db.ConsultationBookings.AsNoTracking().Where(b => b.Id == bookingId)
            .Select(b => new
            {
                b.Id, b.Code, b.ManageToken, b.Sequence, b.StartsAtUtc, b.EndsAtUtc, b.Topics, b.Request, b.Schedule.Mode, b.SupporterId,
                VenueName = b.Schedule.Venue == null ? null : b.Schedule.Venue.Name, VenueAddress = b.Schedule.Venue == null ? null : b.Schedule.Venue.Address,
                b.Participant.Name, b.Participant.Email, b.Language,
            })
            .SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"ConsultationBooking {bookingId}");
        // Everything below is written in the current language: the resident's part runs inside their booking's language.
        string Place() => Consultations.ConsultationLabels.Place(booking.VenueName, booking.Mode, label => text[label]);
        string Topics() => Consultations.ConsultationTopics.Labels(booking.Topics, label => text[label]);
        // At a venue, the slip behind the manage link shows the address with its map; by phone or online there is no place.
        MailModel Model(string name) => Common(name, text["スマホ相談"], booking.StartsAtUtc, booking.EndsAtUtc, Place(), booking.VenueAddress ?? "", null,
                booking.VenueAddress is null ? "" : links.Consultation(booking.Code, booking.ManageToken))
            .Set("booking_code", booking.Code)
            .Set("manage_url", links.Consultation(booking.Code, booking.ManageToken))
            .Set("reason", reason)
            .Set("how_to_join", text[Consultations.ConsultationLabels.HowToJoin(booking.Mode)])
            .Set("topics", string.IsNullOrEmpty(booking.Request) ? Topics() : text["{0}（{1}）", Topics(), booking.Request]);
        // A supporter's calendar syncs to phones and family calendars: it names no resident and carries no request text;
        // who it is and what they asked for are on the signed-in page.
        Invitation ToSupporter(int supporterId, string email, string name, bool cancelled) => new(
            $"consultation-{booking.Code}-supporter-{supporterId}@{invitations.OrganizerDomain}", booking.Sequence, cancelled, booking.StartsAtUtc, booking.EndsAtUtc,
            $"スマホ相談（{Place()}）",
            booking.VenueAddress is null ? Place() : $"{Place()}（{booking.VenueAddress}）",
            $"予約番号: {booking.Code}\nくわしくは担当ページで（ログインが必要です）: {links.SupporterHome}",
            invitations.OrganizerEmail, invitations.OrganizerName, email, name, ReplyRequested: true);
        async Task ToSupporterAsync(int supporterId, bool cancelled)
        {
            var supporter = await db.Supporters.AsNoTracking().Where(s => s.Id == supporterId).Select(s => new { s.Name, s.Email }).SingleAsync(ct);
            if (supporter.Email is null) return; // told by phone by their coordinator, as for classes
            using var japanese = Languages.Use(Languages.JapaneseCode);
            var template = cancelled ? "supporter-consultation-cancelled" : "supporter-consultation";
            // One calendar event per supporter, so handing a consultation over withdraws one event and sends another.
            Enqueue(template, booking.Code, supporter.Email, supporter.Name, templates.Render(template, Model(supporter.Name)),
                ToSupporter(supporterId, supporter.Email, supporter.Name, cancelled));
        }

        var cancelledNotice = notice is ConsultationNotice.Cancelled or ConsultationNotice.CancelledByCity;
        // The resident hears in their booking's language; the supporter (below) in Japanese.
        using (Languages.Use(booking.Language))
        {
            if (booking.Email is not null && notice != ConsultationNotice.SupporterChanged)
            {
                var template = notice switch
                {
                    ConsultationNotice.Confirmed => "consultation-confirmed",
                    ConsultationNotice.Reminder => "consultation-reminder",
                    _ => "consultation-cancelled",
                };
                Enqueue(template, booking.Code, booking.Email, booking.Name, templates.Render(template, Model(booking.Name)),
                    notice == ConsultationNotice.Reminder ? null : invitations.ForConsultation(booking.Code, booking.ManageToken, booking.Sequence, cancelledNotice,
                        booking.StartsAtUtc, booking.EndsAtUtc, Place(), booking.VenueAddress, booking.Email, booking.Name));
            }
            else if (booking.Email is null && notice is ConsultationNotice.Reminder or ConsultationNotice.CancelledByCity)
            {
                AddCall(new CallTask
                {
                    ConsultationBookingId = booking.Id,
                    Reason = notice == ConsultationNotice.Reminder ? CallReason.Reminder : CallReason.Cancelled,
                    Note = notice == ConsultationNotice.Reminder ? null : string.IsNullOrEmpty(reason) ? text["スマホ相談が取り消されました"].Value : text["取り消しの理由: {0}", reason].Value,
                });
            }
        }

        if (notice == ConsultationNotice.SupporterChanged && previousSupporterId is { } previous)
            await ToSupporterAsync(previous, cancelled: true);
        if (notice != ConsultationNotice.Reminder && booking.SupporterId is { } current)
            await ToSupporterAsync(current, cancelledNotice);
    }

    /// <summary>The greeting and the city's help line, which every mail carries.</summary>
    private MailModel Addressed(string name) =>
        new MailModel()
            .Set("city_name", city.Value.LocalName)
            .Set("help_phone", city.Value.HelpPhone)
            .Set("help_hours", city.Value.LocalHelpHours)
            .Set("name", name);

    /// <summary>
    /// What every class or consultation mail says. <paramref name="mapUrl"/> is the app's own page with the venue's map —
    /// a short link, where the map search itself runs to some 200 characters of escaped address.
    /// </summary>
    private MailModel Common(string name, string title, DateTime startsAtUtc, DateTime endsAtUtc, string venueName, string venueAddress, string? notes, string mapUrl) =>
        Addressed(name)
            .Set("class_title", title)
            .Set("class_date", JapaneseTime.FormatRange(startsAtUtc, endsAtUtc, withYear: true))
            .Set("relative_time", RelativeTime(startsAtUtc))
            .Set("venue_name", venueName)
            .Set("venue_address", venueAddress)
            .Set("map_url", mapUrl)
            .Set("things_to_bring", notes ?? text["特にありません"])
            .Set("classes_url", links.Classes);

    /// <summary>「3日後」 in Japanese (Humanizer writes 「3 日後」), 「3 days from now」 in English.</summary>
    private string RelativeTime(DateTime startsAtUtc)
    {
        var humanized = startsAtUtc.Humanize(utcDate: true, dateToCompareAgainst: Now, culture: Languages.Named(Languages.Current));
        return Languages.IsEnglish ? humanized : humanized.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>A staff or supporter account: the invitation to it, or a password reset an administrator started.</summary>
    public void StaffAccount(AppUser user, bool invited, string setupUrl, string roleName)
    {
        using var japanese = Languages.Use(Languages.JapaneseCode);
        var template = invited ? "staff-invited" : "staff-password-reset";
        var model = Addressed(user.DisplayName).Set("setup_url", setupUrl).Set("role", roleName);
        Enqueue(template, $"account-{user.Id}", user.Email!, user.DisplayName, templates.Render(template, model), null);
    }

    private void Enqueue(string kind, string relatesTo, string toAddress, string toName, RenderedMail mail, Invitation? invitation, DateTime? sendAfterUtc = null)
    {
        var now = Now;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind,
            RelatesTo = relatesTo,
            ToAddress = toAddress,
            ToName = toName,
            Title = mail.Subject,
            TextBody = mail.Text,
            HtmlBody = mail.Html,
            CalendarMethod = invitation is null ? null : InvitationWriter.MethodOf(invitation),
            CalendarIcs = invitation is null ? null : InvitationWriter.Write(invitation, now),
            MessageId = $"{Guid.NewGuid():N}@{invitations.OrganizerDomain}",
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = sendAfterUtc ?? now,
            CreatedAtUtc = now,
        });
    }

    /// <summary>
    /// A LINE message, text or call: no name in it or on it (<see cref="Messaging.ShortMessages"/>). Outside the quiet
    /// hours unless it answers the resident; for LINE, <paramref name="lineMessages"/> is the push's messages array.
    /// </summary>
    private void EnqueueShort(MessageChannel channel, string kind, string relatesTo, string to, string title, string body, string lineMessages,
        DateTime? sendAfterUtc, bool answersResident = false)
    {
        var now = Now;
        var due = sendAfterUtc ?? now;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = channel,
            Kind = kind,
            RelatesTo = relatesTo,
            ToAddress = to,
            ToName = "",
            Title = title.Length > 200 ? title[..200] : title,
            TextBody = body,
            HtmlBody = lineMessages,
            MessageId = $"{Guid.NewGuid():N}@{invitations.OrganizerDomain}",
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = answersResident ? due : channels.NotInQuietHours(due),
            CreatedAtUtc = now,
        });
    }

    private void AddCall(int bookingId, CallReason reason, string? note) =>
        AddCall(new CallTask { BookingId = bookingId, Reason = reason, Note = note });

    /// <summary>A call on the 電話連絡リスト, about a class booking or a consultation booking.</summary>
    private void AddCall(CallTask call)
    {
        call.CreatedAtUtc = Now;
        db.CallTasks.Add(call);
    }

    /// <summary>What to tell the resident on the phone, in their booking's language.</summary>
    private string? CallNote(BookingNotice notice, BookingFacts booking, string? reason) => notice switch
    {
        BookingNotice.Changed => text["新しい日時・会場: {0} {1}", JapaneseTime.FormatRange(booking.StartsAtUtc, booking.EndsAtUtc, withYear: true), booking.VenueName].Value,
        BookingNotice.Moved => text["参加者が少ない教室をまとめたため、日にちが変わりました。新しい日時・会場: {0} {1}",
            JapaneseTime.FormatRange(booking.StartsAtUtc, booking.EndsAtUtc, withYear: true), booking.VenueName].Value,
        BookingNotice.SessionCancelled => string.IsNullOrEmpty(reason) ? text["教室が中止になりました"].Value : text["中止の理由: {0}", reason].Value,
        BookingNotice.Promoted => text["キャンセル待ちから予約が確定しました"].Value,
        BookingNotice.WaitlistLapsed => text["締め切りまでに席が空かず、キャンセル待ちは終わりました"].Value,
        _ => null,
    };
}
