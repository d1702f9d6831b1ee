using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;

namespace SumahoSupport.Core.Calendar;

/// <summary>A calendar reply being applied: the mail it came in (by key) and the invitation's SEQUENCE it answers.</summary>
public sealed record CalendarAnswer(string MessageKey, int Sequence);

/// <summary>What became of one mail in the replies' mailbox.</summary>
public enum ReplyOutcome
{
    /// <summary>The assignment now holds the answer.</summary>
    Recorded,

    /// <summary>The supporter had already answered so (in the app, or by an earlier reply).</summary>
    Unchanged,

    /// <summary>No iTIP REPLY in it: a person's mail, left unread for a person.</summary>
    NotAReply,

    /// <summary>A reply to no invitation of this app: another UID, or an assignment that no longer exists.</summary>
    UnknownInvitation,

    /// <summary>The attendee is not the supporter the invitation went to, or the receiving server found the sender forged.</summary>
    NotTheAttendee,

    /// <summary>An answer to an older SEQUENCE than the supporter now holds: the class moved after they answered.</summary>
    OutOfDate,

    /// <summary>The class has started or was cancelled.</summary>
    Closed,

    /// <summary>A PARTSTAT other than ACCEPTED, DECLINED or TENTATIVE (DELEGATED, NEEDS-ACTION).</summary>
    UnknownAnswer,

    /// <summary>Another reader (the other instance) applied this mail first.</summary>
    AlreadyApplied,
}

/// <summary>
/// Applies a supporter's calendar reply: to a class, as their answer in the app (<see cref="StaffingService.RespondAsync"/>);
/// to a consultation handed to them, as <see cref="Consultations.ConsultationService.SupporterAnswerAsync"/>. The UID
/// names the invitation, the attendee must be the supporter it was sent to and still holds it, and the SEQUENCE must be
/// the current one. Anything else changes nothing and is logged by what it was — never with
/// an address or a name. Each mail's key is stored with its outcome, so it is dealt with once whoever reads it.
/// </summary>
public sealed partial class CalendarReplyService(
    AppDbContext db, UnitOfWork work, StaffingService staffing, Consultations.ConsultationService consultations, ClassInvitations invitations,
    TimeProvider clock, ILogger<CalendarReplyService> logger)
{
    public async Task<ReplyOutcome> ApplyAsync(MimeMessage message, string messageKey, CancellationToken ct)
    {
        if (await db.InboxMessages.AnyAsync(m => m.MessageKey == messageKey, ct)) return ReplyOutcome.AlreadyApplied;
        var replies = CalendarReplies.Read(message);
        var outcome = replies.Count == 0 ? ReplyOutcome.NotAReply
            : ForgedAccordingToTheServer(message) ? ReplyOutcome.NotTheAttendee
            : await ApplyAsync(replies[0], messageKey, ct);
        if (outcome is not (ReplyOutcome.Recorded or ReplyOutcome.AlreadyApplied)) await RememberAsync(messageKey, outcome, ct);
        if (outcome is ReplyOutcome.Recorded or ReplyOutcome.Unchanged or ReplyOutcome.NotAReply or ReplyOutcome.AlreadyApplied)
            LogApplied(logger, outcome, replies.Count == 0 ? "" : Loggable(replies[0].Uid));
        else
            LogRefused(logger, outcome, Loggable(replies[0].Uid), messageKey[..12]);
        return outcome;
    }

    private async Task<ReplyOutcome> ApplyAsync(CalendarReply reply, string messageKey, CancellationToken ct)
    {
        var invitation = Invitations().Match(reply.Uid);
        if (!invitation.Success || !string.Equals(invitation.Groups["domain"].Value, invitations.OrganizerDomain, StringComparison.OrdinalIgnoreCase))
            return ReplyOutcome.UnknownInvitation;
        var supporterId = int.Parse(invitation.Groups["supporter"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        var code = invitation.Groups["code"].Success ? invitation.Groups["code"].Value : null;
        var sessionId = code is null ? int.Parse(invitation.Groups["session"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : 0;
        // The address the invitation went to: the supporter's, if this supporter still holds the class or consultation.
        var invited = code is null
            ? await db.Assignments.Where(a => a.ClassSessionId == sessionId && a.SupporterId == supporterId).Select(a => a.Supporter.Email).ToListAsync(ct)
            : await db.ConsultationBookings.Where(b => b.Code == code && b.SupporterId == supporterId).Select(b => b.Supporter!.Email).ToListAsync(ct);
        if (invited.Count == 0) return ReplyOutcome.UnknownInvitation;
        if (!string.Equals(invited[0], reply.AttendeeEmail, StringComparison.OrdinalIgnoreCase)) return ReplyOutcome.NotTheAttendee;
        AssignmentResponse? response = reply.PartStat switch
        {
            "ACCEPTED" => AssignmentResponse.Accepted,
            "DECLINED" => AssignmentResponse.Declined,
            "TENTATIVE" => AssignmentResponse.Tentative,
            _ => null,
        };
        if (response is null) return ReplyOutcome.UnknownAnswer;
        var answer = new CalendarAnswer(messageKey, reply.Sequence);
        try
        {
            var result = code is null
                ? await staffing.RespondAsync(sessionId, supporterId, response.Value, Shorten(reply.Comment), ct, answer)
                : await consultations.SupporterAnswerAsync(code, supporterId, response.Value, Shorten(reply.Comment), answer, ct);
            return result switch
            {
                RespondResult.Recorded => ReplyOutcome.Recorded,
                RespondResult.Unchanged => ReplyOutcome.Unchanged,
                RespondResult.OutOfDate => ReplyOutcome.OutOfDate,
                RespondResult.AlreadyApplied => ReplyOutcome.AlreadyApplied,
                RespondResult.NotAssigned => ReplyOutcome.UnknownInvitation,
                _ => ReplyOutcome.Closed,
            };
        }
        catch (DbUpdateException)
        {
            // The other instance stored this mail's key between our check and our insert: it applied the reply.
            db.ChangeTracker.Clear();
            return ReplyOutcome.AlreadyApplied;
        }
    }

    /// <summary>
    /// A mail's headers can be written by anyone; the receiving server's verdict cannot (it is added on top, above any the
    /// sender wrote). A DMARC or DKIM failure there means the From is not who it says: the reply is not trusted.
    /// </summary>
    private static bool ForgedAccordingToTheServer(MimeMessage message)
    {
        var verdict = message.Headers.FirstOrDefault(h => h.Id == HeaderId.AuthenticationResults)?.Value;
        return verdict is not null && (verdict.Contains("dmarc=fail", StringComparison.OrdinalIgnoreCase) || verdict.Contains("dkim=fail", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The decline reason as the coordinator reads it: a calendar's comment, cut to the length the app's form allows.</summary>
    private static string? Shorten(string? comment) => comment is null ? null : comment.Length <= 200 ? comment : comment[..200];

    private async Task RememberAsync(string messageKey, ReplyOutcome outcome, CancellationToken ct)
    {
        try
        {
            await work.RunAsync(_ => db.InboxMessages.Add(new InboxMessage { MessageKey = messageKey, ProcessedAtUtc = clock.GetUtcNow().UtcDateTime, Outcome = outcome }), ct);
        }
        catch (DbUpdateException)
        {
            // The other reader remembered it first; either way it is dealt with.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A stranger's UID is their text, and may hold anything (an address, a line break): only this app's own are logged.</summary>
    private static string Loggable(string uid) => Invitations().IsMatch(uid) ? uid : "(not one of this app's)";

    /// <summary>
    /// The UIDs of the invitations that ask supporters for an answer: a class's (<see cref="ClassInvitations.ForAssignment"/>)
    /// and a consultation's handed to a supporter (<see cref="Notifications.Notifier.ConsultationAsync"/>).
    /// </summary>
    [GeneratedRegex(@"^(?:assignment-(?<session>\d{1,9})|consultation-(?<code>[A-Z0-9-]{4,20})-supporter)-(?<supporter>\d{1,9})@(?<domain>[A-Za-z0-9.-]{1,253})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Invitations();

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar reply {Outcome} ({Uid}).")]
    private static partial void LogApplied(ILogger logger, ReplyOutcome outcome, string uid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar reply refused as {Outcome}: UID {Uid}, message {MessageKey}; nothing was changed.")]
    private static partial void LogRefused(ILogger logger, ReplyOutcome outcome, string uid, string messageKey);
}
