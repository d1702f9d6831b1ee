using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Consultations;

/// <summary>What a supporter writes after helping someone; for a walk-in the place is given instead of a booking.</summary>
public sealed record SupportLogDraft(
    string? BookingCode, ConsultationMode Mode, int? VenueId, IReadOnlyList<string> Topics, int Minutes, Resolution Resolution,
    bool FollowUpNeeded, string? ReferredTo, string? Note, DateTime? HeldAtUtc = null);

public enum SupportLogResult
{
    Recorded,

    /// <summary>The booking is not this supporter's (or does not exist).</summary>
    NotYours,

    /// <summary>The consultation has not started yet, or was cancelled.</summary>
    NotHeld,

    AlreadyRecorded,

    /// <summary>The time it was held is still to come.</summary>
    InTheFuture,
}

public sealed class SupportLogService(AppDbContext db, UnitOfWork work, TimeProvider clock, AuditLog audit, IActor actor)
{
    public async Task<SupportLogResult> RecordAsync(int supporterId, SupportLogDraft draft, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (draft.HeldAtUtc > now) return SupportLogResult.InTheFuture;
        var log = new SupportLog
        {
            SupporterId = supporterId,
            Mode = draft.Mode,
            VenueId = draft.Mode == ConsultationMode.AtVenue ? draft.VenueId : null,
            // Written after the event, a log keeps when it was held; without a time given, now (or the booked time below).
            HeldAtUtc = draft.HeldAtUtc ?? now,
            Minutes = draft.Minutes,
            Topics = string.Join(',', draft.Topics.Where(t => ConsultationTopics.All.Any(a => a.Code == t)).Distinct(StringComparer.Ordinal)),
            Resolution = draft.Resolution,
            FollowUpNeeded = draft.FollowUpNeeded,
            ReferredTo = draft.ReferredTo,
            Note = draft.Note,
            CreatedAtUtc = now,
        };
        try
        {
            return await work.RunAsync(async unit =>
            {
                if (draft.BookingCode is not null)
                {
                    var booking = await db.ConsultationBookings.Include(b => b.Schedule)
                        .SingleOrDefaultAsync(b => b.Code == draft.BookingCode && b.SupporterId == supporterId, ct);
                    if (booking is null) return unit.Discard(SupportLogResult.NotYours);
                    if (booking.Status == ConsultationStatus.Cancelled || booking.StartsAtUtc > now) return unit.Discard(SupportLogResult.NotHeld);
                    if (await db.SupportLogs.AnyAsync(l => l.ConsultationBookingId == booking.Id, ct)) return unit.Discard(SupportLogResult.AlreadyRecorded);
                    (log.ConsultationBookingId, log.Mode, log.VenueId, log.HeldAtUtc) = (booking.Id, booking.Schedule.Mode, booking.Schedule.VenueId, draft.HeldAtUtc ?? booking.StartsAtUtc);
                    booking.Status = ConsultationStatus.Attended;
                    booking.StatusChangedAtUtc = now;
                }
                db.SupportLogs.Add(log);
                await unit.SaveAsync(ct);
                audit.Record("support-log.recorded", nameof(SupportLog), log.Id, draft.BookingCode is null ? "walk-in" : $"booking={draft.BookingCode}");
                return SupportLogResult.Recorded;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // The same booking recorded twice at once (a double click): the unique index keeps one.
            db.ChangeTracker.Clear();
            return SupportLogResult.AlreadyRecorded;
        }
    }

    /// <summary>A coordinator has followed the person up (a call, another consultation); false when it was not open.</summary>
    public Task<bool> CloseFollowUpAsync(int logId, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            var closed = await unit.UpdateAsync(db.SupportLogs.Where(l => l.Id == logId && l.FollowUpNeeded && l.FollowUpDoneAtUtc == null),
                l => l.SetProperty(x => x.FollowUpDoneAtUtc, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.FollowUpDoneBy, actor.Name), ct);
            if (closed == 0) return unit.Discard(false);
            audit.Record("support-log.follow-up-done", nameof(SupportLog), logId);
            return true;
        }, ct);
}
