using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Privacy;

public enum EraseResult
{
    Erased,

    /// <summary>A class or consultation is still to come: it must be cancelled first, so nobody waits for a resident who was erased.</summary>
    StillBooked,

    AlreadyErased,
}

/// <summary>
/// Residents' personal data from collection to erasure (個人情報保護法): what is held about a person (本人開示), erasing
/// it on request (削除・利用停止), and the retention rule that erases it once it is no longer needed. Erasing replaces
/// name, ふりがな, phone, e-mail, needs and every free text about the person; it keeps the rows, their statuses and
/// survey answers, with a pseudonym shared by the person's records, so every count and report keeps its figure.
/// </summary>
public sealed class PersonalDataService(AppDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock, IOptions<PrivacyOptions> options)
{
    public const string ErasedName = "（削除済み）";

    private const string RetentionJob = "privacy-retention";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Everything held about a resident; opening it is recorded, since it shows another person's data.</summary>
    public async Task<ResidentRecord?> DiscloseAsync(int participantId, string purpose, CancellationToken ct)
    {
        if (await Residents.KeyOfAsync(db, participantId, ct) is not { } key) return null;
        var ids = await key.RecordsIn(db).Select(p => p.Id).ToListAsync(ct);
        var details = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        var classBookings = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.ParticipantId)).OrderBy(b => b.Id)
            .Select(b => new { b.Code, b.ClassSession.Course.Title, b.ClassSession.StartsAtUtc, Venue = b.ClassSession.Venue.Name, b.Status, b.Channel, b.NeedsLoanerDevice, b.CreatedAtUtc })
            .ToListAsync(ct);
        var consultations = await db.ConsultationBookings.AsNoTracking().Where(c => ids.Contains(c.ParticipantId)).OrderBy(c => c.Id)
            .Select(c => new { c.Code, c.StartsAtUtc, c.Schedule.Mode, Venue = c.Schedule.Venue == null ? null : c.Schedule.Venue.Name, c.Topics, c.Request, c.Status, c.Channel, c.CreatedAtUtc })
            .ToListAsync(ct);
        var calls = await db.CallTasks.AsNoTracking()
            .Where(t => (t.Booking != null && ids.Contains(t.Booking.ParticipantId)) || (t.ConsultationBooking != null && ids.Contains(t.ConsultationBooking.ParticipantId)))
            .OrderBy(t => t.Id)
            .Select(t => new { Code = t.Booking != null ? t.Booking.Code : t.ConsultationBooking!.Code, IsConsultation = t.ConsultationBookingId != null, t.Reason, t.Note, t.CreatedAtUtc, t.DoneAtUtc })
            .ToListAsync(ct);
        var followUps = await db.SurveyFollowUps.AsNoTracking().Where(f => ids.Contains(f.Booking.ParticipantId)).OrderBy(f => f.Id)
            .Select(f => new { f.Booking.ClassSession.Course.Title, f.Status, f.SecondUnderstanding, f.CreatedAtUtc })
            .ToListAsync(ct);
        var codes = classBookings.Select(b => b.Code).Concat(consultations.Select(c => c.Code)).ToList();
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.RelatesTo != null && codes.Contains(m.RelatesTo)).OrderBy(m => m.Id)
            .Select(m => new { m.RelatesTo, m.Title, m.ToAddress, m.Status, m.CreatedAtUtc, m.SentAtUtc })
            .ToListAsync(ct);
        var answers = await db.SurveyResponses.AsNoTracking().Where(r => r.ParticipantId != null && ids.Contains(r.ParticipantId.Value)).OrderBy(r => r.Id)
            .Select(r => new { r.ClassSession.Course.Title, r.Understanding, r.Comment, r.UpdatedAtUtc })
            .ToListAsync(ct);

        await work.RunAsync(_ => audit.Record("resident.disclosed", nameof(Participant), participantId, $"records={ids.Count} purpose={purpose}"), ct);

        static DateTime Tokyo(DateTime utc) => JapaneseTime.ToTokyo(utc);
        return new ResidentRecord(
            Tokyo(Now),
            [.. details.Select(p => new ResidentDetails(p.Id, p.Name, p.ErasedAtUtc is null ? p.Kana : ErasedName,
                p.ErasedAtUtc is null ? PhoneNumber.Format(p.Phone) : ErasedName, p.Email, BookingLabels.AgeBand(p.AgeBand),
                BookingLabels.Device(p.Device), p.Needs, BookingLabels.Contact(p.ContactPreference), Tokyo(p.CreatedAtUtc)))],
            [.. classBookings.Select(b => new ResidentClassBooking(b.Code, b.Title, Tokyo(b.StartsAtUtc), b.Venue, BookingLabels.Status(b.Status),
                BookingLabels.Channel(b.Channel), b.NeedsLoanerDevice, Tokyo(b.CreatedAtUtc)))],
            [.. consultations.Select(c => new ResidentConsultation(c.Code, Tokyo(c.StartsAtUtc), c.Venue ?? ConsultationLabels.Mode(c.Mode),
                ConsultationTopics.Labels(c.Topics), c.Request, ConsultationLabels.Status(c.Status), BookingLabels.Channel(c.Channel), Tokyo(c.CreatedAtUtc)))],
            [.. calls.Select(c => new ResidentCall(c.Code, NotificationLabels.CallReason(c.Reason, c.IsConsultation), c.Note, Tokyo(c.CreatedAtUtc),
                c.DoneAtUtc is { } done ? Tokyo(done) : null))],
            [.. followUps.Select(f => new ResidentFollowUp(f.Title, SurveyLabels.FollowUpStatus(f.Status),
                f.SecondUnderstanding is { } u ? SurveyLabels.Understanding(u) : null, Tokyo(f.CreatedAtUtc)))],
            [.. mails.Select(m => new ResidentMail(m.RelatesTo!, m.Title, m.ToAddress, NotificationLabels.MailStatus(m.Status), Tokyo(m.CreatedAtUtc),
                m.SentAtUtc is { } sent ? Tokyo(sent) : null))],
            [.. answers.Select(a => new ResidentSurveyAnswer(a.Title, a.Understanding is { } u ? SurveyLabels.Understanding(u) : null, a.Comment, Tokyo(a.UpdatedAtUtc)))]);
    }

    /// <summary>削除・利用停止: erases one resident now, by the same rule as retention, on their request.</summary>
    public async Task<EraseResult> EraseAsync(int participantId, string reason, CancellationToken ct)
    {
        var key = await Residents.KeyOfAsync(db, participantId, ct) ?? throw new KeyNotFoundException($"Participant {participantId}");
        var ids = await key.RecordsIn(db).Where(p => p.ErasedAtUtc == null).Select(p => p.Id).ToListAsync(ct);
        if (ids.Count == 0) return EraseResult.AlreadyErased;
        var now = Now;
        var stillBooked = await db.Bookings.AnyAsync(b => ids.Contains(b.ParticipantId)
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted) && b.ClassSession.EndsAtUtc > now, ct)
            || await db.ConsultationBookings.AnyAsync(c => ids.Contains(c.ParticipantId) && c.Status == ConsultationStatus.Confirmed && c.EndsAtUtc > now, ct);
        if (stillBooked) return EraseResult.StillBooked;

        await work.RunAsync(async unit =>
        {
            await EraseRecordsAsync(unit, ids, ct);
            audit.Record("resident.erased", nameof(Participant), participantId, $"records={ids.Count} on request: {reason}");
        }, ct);
        return EraseResult.Erased;
    }

    /// <summary>
    /// The retention rule, once a Tokyo day on whichever instance claims it: every resident whose last class,
    /// consultation or follow-up ended more than <see cref="PrivacyOptions.RetentionMonths"/> ago is erased. Returns how
    /// many residents were.
    /// </summary>
    public async Task<int> RetentionSweepAsync(CancellationToken ct)
    {
        if (!await JobRun.ClaimTodayAsync(db, work, RetentionJob, JapaneseTime.TodayInTokyo(clock), ct)) return 0;
        return await EraseExpiredAsync(ct);
    }

    /// <summary>The retention rule itself, without the once-a-day claim.</summary>
    public async Task<int> EraseExpiredAsync(CancellationToken ct)
    {
        var cutoff = Now.AddMonths(-options.Value.RetentionMonths);
        var records = await db.Participants.AsNoTracking().Where(p => p.ErasedAtUtc == null)
            .Select(p => new
            {
                p.Id, p.Phone, p.Kana, p.CreatedAtUtc,
                LastClass = db.Bookings.Where(b => b.ParticipantId == p.Id).Max(b => (DateTime?)b.ClassSession.EndsAtUtc),
                LastConsultation = db.ConsultationBookings.Where(c => c.ParticipantId == p.Id).Max(c => (DateTime?)c.EndsAtUtc),
                LastFollowUp = db.SurveyFollowUps.Where(f => f.Booking.ParticipantId == p.Id).Max(f => (DateTime?)f.StatusChangedAtUtc),
            })
            .ToListAsync(ct);
        // A resident is all their records: kept while any of them was in use within the period.
        var expired = records.GroupBy(r => (r.Phone, r.Kana))
            .Where(g => g.Max(r => new[] { r.CreatedAtUtc, r.LastClass ?? default, r.LastConsultation ?? default, r.LastFollowUp ?? default }.Max()) < cutoff)
            .ToList();
        foreach (var resident in expired)
        {
            var ids = resident.Select(r => r.Id).ToList();
            await work.RunAsync(async unit =>
            {
                await EraseRecordsAsync(unit, ids, ct);
                audit.Record("resident.expired", nameof(Participant), ids[0], $"records={ids.Count} retention={options.Value.RetentionMonths}months");
            }, ct);
        }
        return expired.Count;
    }

    /// <summary>
    /// Replaces the personal details of one resident's records, inside the caller's unit. The pseudonym stands in
    /// for both phone and ふりがな, the pair that tells residents apart, so counts of people stay as they were.
    /// </summary>
    private async Task EraseRecordsAsync(Unit unit, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var now = Now;
        var pseudonym = "erased-" + RandomNumberGenerator.GetHexString(10, lowercase: true);
        // Answers to what a resident wrote on LINE or by text are addressed to their LINE user or number, not a booking.
        var reached = await db.Participants.Where(p => ids.Contains(p.Id)).Select(p => new { p.LineUserId, p.Phone }).ToListAsync(ct);
        var addresses = reached.SelectMany(p => new[] { p.LineUserId, Text.PhoneNumber.Normalize(p.Phone) is { } digits ? Messaging.ResidentChannels.E164(digits) : null }).OfType<string>().ToList();
        await unit.UpdateAsync(db.Participants.Where(p => ids.Contains(p.Id)), p => p
            .SetProperty(x => x.LineUserId, (string?)null)
            .SetProperty(x => x.LineLinkCode, (string?)null)
            .SetProperty(x => x.LineLinkCodeExpiresAtUtc, (DateTime?)null)
            .SetProperty(x => x.CancelAskedBookingId, (int?)null)
            .SetProperty(x => x.Name, ErasedName)
            .SetProperty(x => x.Kana, pseudonym)
            .SetProperty(x => x.Phone, pseudonym)
            .SetProperty(x => x.Email, (string?)null)
            .SetProperty(x => x.Needs, (string?)null)
            .SetProperty(x => x.ErasedAtUtc, now), ct);
        await unit.UpdateAsync(db.Bookings.Where(b => ids.Contains(b.ParticipantId)), b => b.SetProperty(x => x.PhoneKey, pseudonym), ct);
        await unit.UpdateAsync(db.ConsultationBookings.Where(c => ids.Contains(c.ParticipantId)), c => c.SetProperty(x => x.Request, (string?)null), ct);
        await unit.UpdateAsync(db.SupportLogs.Where(l => l.Booking != null && ids.Contains(l.Booking.ParticipantId)),
            l => l.SetProperty(x => x.Note, (string?)null), ct);
        await unit.UpdateAsync(db.CallTasks.Where(t => (t.Booking != null && ids.Contains(t.Booking.ParticipantId))
                || (t.ConsultationBooking != null && ids.Contains(t.ConsultationBooking.ParticipantId))),
            t => t.SetProperty(x => x.Note, (string?)null), ct);
        // Survey answers stay (they are the figures); only the link to the person goes.
        await unit.UpdateAsync(db.SurveyResponses.Where(r => r.ParticipantId != null && ids.Contains(r.ParticipantId.Value)),
            r => r.SetProperty(x => x.ParticipantId, (int?)null), ct);
        // A mail keeps what it was about and when; to whom and what it said go. One not yet sent never will be.
        var codes = db.Bookings.Where(b => ids.Contains(b.ParticipantId)).Select(b => b.Code)
            .Concat(db.ConsultationBookings.Where(c => ids.Contains(c.ParticipantId)).Select(c => c.Code));
        await unit.UpdateAsync(db.OutboxMessages.Where(m => (m.RelatesTo != null && codes.Contains(m.RelatesTo)) || (addresses.Contains(m.ToAddress) && (m.Kind == "line-reply" || m.Kind == "sms-reply"))), m => m
            .SetProperty(x => x.ToAddress, "")
            .SetProperty(x => x.ToName, ErasedName)
            .SetProperty(x => x.TextBody, "")
            .SetProperty(x => x.HtmlBody, "")
            .SetProperty(x => x.CalendarIcs, (string?)null)
            .SetProperty(x => x.Status, x => x.Status == OutboxStatus.Sent ? OutboxStatus.Sent : OutboxStatus.Dead)
            .SetProperty(x => x.LastError, x => x.Status == OutboxStatus.Sent ? x.LastError : "personal data erased"), ct);
    }
}
