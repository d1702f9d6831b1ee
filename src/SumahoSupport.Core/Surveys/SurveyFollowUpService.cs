using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Core.Surveys;

public enum FollowUpLinkResult
{
    Linked,

    /// <summary>No booking has that code.</summary>
    NotFound,

    /// <summary>The booking is someone else's.</summary>
    SomeoneElse,

    /// <summary>The booking was cancelled, or is the class that was not understood.</summary>
    NotAFollowUp,

    /// <summary>The follow-up is declined or already has its second answer.</summary>
    Closed,
}

/// <summary>A fiscal year's 理解度フォロー, counted by the year of the class that was not understood.</summary>
public sealed record FollowUpFigures(int Offered, int Declined, int FollowedUp, int Answered, int UnderstoodSecondTime)
{
    /// <summary>Understood the second time, of those who answered again; null before anyone has.</summary>
    public double? SecondRate => Answered == 0 ? null : (double)UnderstoodSecondTime / Answered;
}

/// <summary>
/// 理解度フォロー: from a 「あまり理解できなかった」/「理解できなかった」 answer with consent, an offer by mail or a call on the
/// list; a consultation or a repeat class linked by its booking code; and the second answer — the repeat class's own
/// survey, or the coordinator's record of what the resident said at or after the consultation.
/// </summary>
public sealed class SurveyFollowUpService(AppDbContext db, UnitOfWork work, Notifier notifier, AuditLog audit, IActor actor, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// After a token's answers are saved: opens a follow-up when they now ask for one (and closes an open one when they no
    /// longer do), and takes a repeat class's answer as the second answer of the follow-up it belongs to. Adds rows to
    /// the caller's unit of work; the caller saves.
    /// </summary>
    internal async Task AfterAnswerAsync(SurveyResponse response, int bookingId, string bookingCode, CancellationToken ct)
    {
        var wants = response.WantsFollowUp == true && response.Understanding is { } first && !first.IsUnderstood();
        var existing = await db.SurveyFollowUps.SingleOrDefaultAsync(f => f.SurveyResponseId == response.Id, ct);
        if (wants && existing is null)
        {
            db.SurveyFollowUps.Add(new SurveyFollowUp
            {
                SurveyResponse = response, BookingId = bookingId, Status = FollowUpStatus.Open, CreatedAtUtc = Now, StatusChangedAtUtc = Now, ChangedBy = actor.Name,
            });
            audit.Record("follow-up.offered", nameof(Booking), bookingCode);
            await notifier.FollowUpOfferAsync(bookingCode, ct);
        }
        else if (!wants && existing is { Status: FollowUpStatus.Open })
        {
            Change(existing, FollowUpStatus.Declined);
            audit.Record("follow-up.withdrawn", nameof(Booking), bookingCode);
        }

        if (response.Understanding is { } second)
        {
            var repeated = await db.SurveyFollowUps
                .Where(f => f.RepeatBookingId == bookingId && (f.Status == FollowUpStatus.Arranged || f.Status == FollowUpStatus.Completed))
                .ToListAsync(ct);
            foreach (var followUp in repeated) Answer(followUp, second);
        }
    }

    /// <summary>Links the consultation or repeat class the person booked (by its 予約番号) to their follow-up.</summary>
    public async Task<FollowUpLinkResult> LinkAsync(int followUpId, string code, CancellationToken ct)
    {
        return await work.RunAsync(async unit =>
        {
            var followUp = await db.SurveyFollowUps.Include(f => f.Booking).ThenInclude(b => b.ClassSession).SingleOrDefaultAsync(f => f.Id == followUpId, ct)
                ?? throw new KeyNotFoundException($"SurveyFollowUp {followUpId}");
            if (followUp.Status is FollowUpStatus.Completed or FollowUpStatus.Declined) return FollowUpLinkResult.Closed;
            if (BookingSecrets.NormalizeCode(code) is not { } normalized) return FollowUpLinkResult.NotFound;
            // One resident may have several participant records (a web form never edits an existing one), so the same
            // resident is the same phone and ふりがな.
            var person = await db.Participants.Where(p => p.Id == followUp.Booking.ParticipantId).Select(p => new { p.Phone, p.Kana }).SingleAsync(ct);

            var consultation = await db.ConsultationBookings.Where(b => b.Code == normalized)
                .Select(b => new { b.Id, b.Participant.Phone, b.Participant.Kana, b.Status }).SingleOrDefaultAsync(ct);
            var repeat = await db.Bookings.Where(b => b.Code == normalized)
                .Select(b => new { b.Id, b.Participant.Phone, b.Participant.Kana, b.Status, b.ClassSession.StartsAtUtc }).SingleOrDefaultAsync(ct);
            if (consultation is null && repeat is null) return FollowUpLinkResult.NotFound;
            var (phone, kana) = consultation is not null ? (consultation.Phone, consultation.Kana) : (repeat!.Phone, repeat.Kana);
            if (phone != person.Phone || kana != person.Kana) return FollowUpLinkResult.SomeoneElse;
            if (consultation is not null)
            {
                if (consultation.Status == ConsultationStatus.Cancelled) return FollowUpLinkResult.NotAFollowUp;
                followUp.ConsultationBookingId = consultation.Id;
            }
            else
            {
                if (!BookingStatuses.HoldingSeat.Contains(repeat!.Status) || repeat.StartsAtUtc <= followUp.Booking.ClassSession.StartsAtUtc) return FollowUpLinkResult.NotAFollowUp;
                followUp.RepeatBookingId = repeat.Id;
            }
            Change(followUp, FollowUpStatus.Arranged);
            audit.Record("follow-up.arranged", nameof(SurveyFollowUp), followUp.Id, normalized);
            return FollowUpLinkResult.Linked;
        }, ct);
    }

    /// <summary>The resident said no on the phone.</summary>
    public async Task<bool> DeclineAsync(int followUpId, CancellationToken ct)
    {
        return await work.RunAsync(async unit =>
        {
            var followUp = await db.SurveyFollowUps.SingleOrDefaultAsync(f => f.Id == followUpId && (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.Arranged), ct);
            if (followUp is null) return false;
            Change(followUp, FollowUpStatus.Declined);
            audit.Record("follow-up.declined", nameof(SurveyFollowUp), followUpId);
            return true;
        }, ct);
    }

    /// <summary>The second answer as the resident gave it at or after the consultation (or on the phone).</summary>
    public async Task<bool> RecordSecondAnswerAsync(int followUpId, Understanding answer, CancellationToken ct)
    {
        if (!Enum.IsDefined(answer)) throw new ArgumentOutOfRangeException(nameof(answer));
        return await work.RunAsync(async unit =>
        {
            var followUp = await db.SurveyFollowUps.SingleOrDefaultAsync(f => f.Id == followUpId && (f.Status == FollowUpStatus.Arranged || f.Status == FollowUpStatus.Completed), ct);
            if (followUp is null) return false;
            Answer(followUp, answer);
            audit.Record("follow-up.answered", nameof(SurveyFollowUp), followUpId, ((int)answer).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }, ct);
    }

    /// <summary>Counted in the database, by the fiscal year of the class that was not understood.</summary>
    public async Task<FollowUpFigures> FiguresAsync(int fiscalYear, CancellationToken ct)
    {
        var (from, until) = FiscalYear.UtcRange(fiscalYear);
        var counts = await db.SurveyFollowUps
            .Where(f => f.Booking.ClassSession.StartsAtUtc >= from && f.Booking.ClassSession.StartsAtUtc < until)
            .GroupBy(f => new { f.Status, Understood = f.SecondUnderstanding != null && f.SecondUnderstanding <= Understanding.MostlyUnderstood })
            .Select(g => new { g.Key.Status, g.Key.Understood, Count = g.Count() })
            .ToListAsync(ct);
        int Of(params FollowUpStatus[] statuses) => counts.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
        return new FollowUpFigures(
            counts.Sum(c => c.Count), Of(FollowUpStatus.Declined), Of(FollowUpStatus.Arranged, FollowUpStatus.Completed),
            Of(FollowUpStatus.Completed), counts.Where(c => c.Status == FollowUpStatus.Completed && c.Understood).Sum(c => c.Count));
    }

    private void Answer(SurveyFollowUp followUp, Understanding answer)
    {
        followUp.SecondUnderstanding = answer;
        followUp.SecondAnsweredAtUtc = Now;
        Change(followUp, FollowUpStatus.Completed);
    }

    private void Change(SurveyFollowUp followUp, FollowUpStatus status)
    {
        followUp.Status = status;
        followUp.StatusChangedAtUtc = Now;
        followUp.ChangedBy = actor.Name;
    }
}
