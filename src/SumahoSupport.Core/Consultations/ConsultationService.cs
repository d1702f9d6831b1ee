using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Observability;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Consultations;

/// <summary>One bookable time: a slot of a schedule with at least one free place and one free supporter.</summary>
public sealed record ConsultationSlot(int ScheduleId, DateTime StartsAtUtc, DateTime EndsAtUtc);

/// <summary>Where consultations are offered: a venue, or by phone, or online.</summary>
public sealed record ConsultationPlace(ConsultationMode Mode, int? VenueId, string Name);

/// <summary>A supporter who might take over a consultation, and what stands in the way.</summary>
public sealed record ConsultationCandidate(int SupporterId, string Name, string Kana, SupporterConflict Conflict);

public enum ReassignResult
{
    Changed,
    Unchanged,

    /// <summary>Cancelled, held already, or not found.</summary>
    NotChangeable,

    /// <summary>Not an active Certified or Lead supporter.</summary>
    NotAHelper,

    /// <summary>Already helping at a class or another consultation then.</summary>
    Busy,
}

/// <summary>A consultation asked for by a resident (on the web) or by staff for them.</summary>
public sealed record ConsultationRequest(
    int ScheduleId, DateTime StartsAtUtc, BookingRequest Resident, IReadOnlyList<string> Topics, string? Request);

public abstract record ConsultationResult
{
    public sealed record Booked(string Code, string Token) : ConsultationResult;

    /// <summary>Every place or every suitable supporter was taken first.</summary>
    public sealed record Taken : ConsultationResult;

    /// <summary>The time is not a slot of the schedule (or has passed).</summary>
    public sealed record NotASlot : ConsultationResult;

    /// <summary>This phone number already holds as many web bookings as <see cref="PhoneQuotaOptions"/> allows.</summary>
    public sealed record LimitReached : ConsultationResult;
}

/// <summary>
/// スマホ相談: the free times (schedule slots × free places × free supporters with the resident's device) and booking one.
/// A booking takes a place of the slot and a supporter in one insert; the database's unique indexes make a second
/// booking of the same place or the same supporter fail, and the booking then tries the next one — so no slot and no
/// supporter is ever booked twice, whatever the concurrency.
/// </summary>
public sealed class ConsultationService(
    AppDbContext db, UnitOfWork work, TimeProvider clock, HolidayCalendar holidays, AuditLog audit, Notifier notifier, PhoneQuota quota,
    AppMetrics metrics)
{
    /// <summary>Residents book at least this long ahead, so the supporter can be told.</summary>
    public static readonly TimeSpan LeadTime = TimeSpan.FromHours(1);

    /// <summary>How far ahead the free times are looked for.</summary>
    public const int DaysAhead = 28;

    private const int MaxAttempts = 8;

    /// <summary>One-to-one help is given by Certified and Lead supporters; Trainees learn in classes, beside them.</summary>
    private static readonly SupporterStatus[] Helpers = [SupporterStatus.Certified, SupporterStatus.Lead];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<ConsultationPlace>> PlacesAsync(CancellationToken ct)
    {
        var today = JapaneseTime.TodayInTokyo(clock);
        var places = await db.ConsultationSchedules.AsNoTracking().Where(s => s.LastDate >= today)
            .Select(s => new { s.Mode, s.VenueId, VenueName = s.Venue == null ? null : s.Venue.Name })
            .Distinct().ToListAsync(ct);
        return [.. places.Select(p => new ConsultationPlace(p.Mode, p.VenueId, p.VenueName ?? ConsultationLabels.Mode(p.Mode)))
            .OrderBy(p => p.Mode).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>The next free times at a place for a resident with <paramref name="device"/>, earliest first.</summary>
    public async Task<List<ConsultationSlot>> FreeSlotsAsync(ConsultationMode mode, int? venueId, DeviceType device, int max, CancellationToken ct)
    {
        var today = JapaneseTime.TodayInTokyo(clock);
        var schedules = await db.ConsultationSchedules.AsNoTracking()
            .Where(s => s.Mode == mode && s.VenueId == venueId && s.LastDate >= today)
            .ToListAsync(ct);
        var from = Now + LeadTime;
        var until = JapaneseTime.ToUtc(today.AddDays(DaysAhead + 1).ToDateTime(TimeOnly.MinValue));
        var slots = schedules.SelectMany(s => SlotsOf(s, today, today.AddDays(DaysAhead)))
            .Where(s => s.StartsAtUtc >= from && s.StartsAtUtc < until)
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.ScheduleId)
            .ToList();
        if (slots.Count == 0) return [];

        var ids = schedules.Select(s => s.Id).ToList();
        var taken = (await db.ConsultationBookings.AsNoTracking()
                .Where(b => ids.Contains(b.ConsultationScheduleId) && b.Status != ConsultationStatus.Cancelled && b.StartsAtUtc >= from && b.StartsAtUtc < until)
                .Select(b => new { b.ConsultationScheduleId, b.StartsAtUtc })
                .ToListAsync(ct))
            .CountBy(b => (b.ConsultationScheduleId, b.StartsAtUtc))
            .ToDictionary(x => x.Key, x => x.Value);
        var parallel = schedules.ToDictionary(s => s.Id, s => s.Parallel);
        var pool = await SupporterAvailability.LoadAsync(db, Helpers, from, until, ct);
        return [.. slots
            .Where(s => taken.GetValueOrDefault((s.ScheduleId, s.StartsAtUtc)) < parallel[s.ScheduleId])
            .Where(s => pool.FreeFor(s.StartsAtUtc, s.EndsAtUtc, device).Count > 0)
            .Take(max)];
    }

    /// <summary>The place and times of one slot, or null when the schedule has no such slot.</summary>
    public async Task<(ConsultationPlace Place, ConsultationSlot Slot, string? Address)?> FindSlotAsync(int scheduleId, DateTime startsAtUtc, CancellationToken ct)
    {
        var schedule = await db.ConsultationSchedules.AsNoTracking().Include(s => s.Venue).SingleOrDefaultAsync(s => s.Id == scheduleId, ct);
        if (schedule is null) return null;
        var date = DateOnly.FromDateTime(JapaneseTime.ToTokyo(startsAtUtc));
        var slot = SlotsOf(schedule, date, date).SingleOrDefault(s => s.StartsAtUtc == startsAtUtc);
        return slot is null ? null : (new ConsultationPlace(schedule.Mode, schedule.VenueId, schedule.Venue?.Name ?? ConsultationLabels.Mode(schedule.Mode)), slot, schedule.Venue?.Address);
    }

    /// <summary>Books a slot for a resident, with the supporter who suits them best (their device, then the lightest week).</summary>
    public async Task<ConsultationResult> BookAsync(ConsultationRequest request, BookingChannel channel, CancellationToken ct)
    {
        var schedule = await db.ConsultationSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ScheduleId, ct);
        var date = DateOnly.FromDateTime(JapaneseTime.ToTokyo(request.StartsAtUtc));
        // Staff may book by phone until the slot starts; residents on the web need the lead time.
        var earliest = Now + (channel == BookingChannel.Web ? LeadTime : TimeSpan.Zero);
        var slot = schedule is null ? null : SlotsOf(schedule, date, date).SingleOrDefault(s => s.StartsAtUtc == request.StartsAtUtc);
        if (schedule is null || slot is null || slot.StartsAtUtc < earliest) return new ConsultationResult.NotASlot();

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var seats = await db.ConsultationBookings
                .Where(b => b.ConsultationScheduleId == schedule.Id && b.StartsAtUtc == slot.StartsAtUtc && b.Status != ConsultationStatus.Cancelled)
                .Select(b => b.Seat).ToListAsync(ct);
            var seat = Enumerable.Range(1, schedule.Parallel).FirstOrDefault(s => !seats.Contains(s));
            var supporter = (await SupporterAvailability.LoadAsync(db, Helpers, slot.StartsAtUtc, slot.EndsAtUtc, ct))
                .FreeFor(slot.StartsAtUtc, slot.EndsAtUtc, request.Resident.Device).FirstOrDefault();
            if (seat == 0 || supporter == 0) return new ConsultationResult.Taken();

            ConsultationResult? result;
            try
            {
                result = await work.RunAsync<ConsultationResult?>(async unit =>
                {
                    if (channel == BookingChannel.Web && !await quota.AllowsAsync(request.Resident.Phone, slot.StartsAtUtc, ct))
                        return unit.Discard<ConsultationResult?>(new ConsultationResult.LimitReached());
                    // The supporter was given a class or another consultation since the slots were read: look again.
                    if (!await SupporterTime.LockAndCheckFreeAsync(db, supporter, slot.StartsAtUtc, slot.EndsAtUtc, ct)) return unit.Discard<ConsultationResult?>(null);
                    var now = Now;
                    var booking = new ConsultationBooking
                    {
                        Code = await BookingCodes.NewUniqueAsync(db, ct),
                        ManageToken = BookingSecrets.NewSecretToken(),
                        ConsultationScheduleId = schedule.Id,
                        StartsAtUtc = slot.StartsAtUtc,
                        EndsAtUtc = slot.EndsAtUtc,
                        Seat = seat,
                        SupporterId = supporter,
                        Participant = await Participants.FindOrAddAsync(db, request.Resident, now, ct),
                        Status = ConsultationStatus.Confirmed,
                        Channel = channel,
                        Language = Text.Languages.CodeOf(Text.Languages.Named(request.Resident.Language)),
                        Topics = string.Join(',', request.Topics.Where(t => ConsultationTopics.All.Any(a => a.Code == t)).Distinct(StringComparer.Ordinal)),
                        Request = request.Request,
                        Device = request.Resident.Device,
                        CreatedAtUtc = now,
                        StatusChangedAtUtc = now,
                    };
                    db.ConsultationBookings.Add(booking);
                    // Saved before the mail is written: a place someone else took a moment ago meets the seat's unique index here.
                    await unit.SaveAsync(ct);
                    audit.Record("consultation.booked", nameof(ConsultationBooking), booking.Code, $"schedule={schedule.Id} supporter={supporter} channel={channel}");
                    await notifier.ConsultationAsync(booking.Id, ConsultationNotice.Confirmed, ct);
                    return new ConsultationResult.Booked(booking.Code, booking.ManageToken);
                }, ct);
            }
            catch (DbUpdateException)
            {
                // Someone else took this place a moment ago (the seat's unique index): look again.
                db.ChangeTracker.Clear();
                continue;
            }
            if (result is null) continue;
            if (result is ConsultationResult.Booked) metrics.ConsultationBooked(channel.ToString());
            return result;
        }
        return new ConsultationResult.Taken();
    }

    /// <summary>Cancels with the manage link's token; false when the code and token do not match an active booking.</summary>
    public async Task<bool> CancelByResidentAsync(string code, string? token, CancellationToken ct)
    {
        var booking = await db.ConsultationBookings.AsNoTracking().Where(b => b.Code == code).Select(b => new { b.ManageToken }).SingleOrDefaultAsync(ct);
        return booking is not null && BookingSecrets.TokenMatches(booking.ManageToken, token) && await CancelAsync(code, ConsultationNotice.Cancelled, null, ct);
    }

    /// <summary>
    /// Cancels an active booking before it starts: <see cref="ConsultationNotice.Cancelled"/> when the resident asked
    /// (on the web or on the phone), <see cref="ConsultationNotice.CancelledByCity"/> when the city must tell them.
    /// </summary>
    public async Task<bool> CancelAsync(string code, ConsultationNotice notice, string? reason, CancellationToken ct)
    {
        var now = Now;
        return await work.RunAsync(async unit =>
        {
            var changed = await unit.UpdateAsync(db.ConsultationBookings.Where(b => b.Code == code && b.Status == ConsultationStatus.Confirmed && b.StartsAtUtc > now),
                b => b.SetProperty(x => x.Status, ConsultationStatus.Cancelled).SetProperty(x => x.StatusChangedAtUtc, now).SetProperty(x => x.Sequence, x => x.Sequence + 1), ct);
            if (changed == 0) return unit.Discard(false);
            var id = await db.ConsultationBookings.Where(b => b.Code == code).Select(b => b.Id).SingleAsync(ct);
            audit.Record(notice == ConsultationNotice.Cancelled ? "consultation.cancelled" : "consultation.cancelled-by-city", nameof(ConsultationBooking), code, reason);
            await notifier.ConsultationAsync(id, notice, ct, reason);
            return true;
        }, ct);
    }

    /// <summary>
    /// Who could take a consultation instead of its supporter: every Certified and Lead supporter, free ones who know the
    /// resident's phone first, each with why they might not suit.
    /// </summary>
    public async Task<List<ConsultationCandidate>> CandidatesAsync(ConsultationBooking booking, CancellationToken ct)
    {
        var pool = await SupporterAvailability.LoadAsync(db, Helpers, booking.StartsAtUtc, booking.EndsAtUtc, ct);
        return [.. pool.Members.Where(m => m.Id != booking.SupporterId)
            .Select(m => new ConsultationCandidate(m.Id, m.Name, m.Kana, SupporterAvailability.ConflictOf(m, booking.StartsAtUtc, booking.EndsAtUtc) switch
            {
                SupporterConflict.None when !m.Knows(booking.Device) => SupporterConflict.WrongDevice,
                var time => time,
            }))
            .OrderBy(c => c.Conflict != SupporterConflict.None).ThenBy(c => c.Conflict).ThenBy(c => c.Kana, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Hands a consultation to another supporter. Refused when that supporter cannot help one-to-one or is already busy
    /// then (checked again under the supporter's lock, so two coordinators at the same moment cannot both succeed); a
    /// day off or an unusual hour is the coordinator's call, since they have just spoken to the supporter.
    /// </summary>
    /// <summary>
    /// The handed-over supporter's calendar answered their consultation's invitation (<paramref name="byCalendar"/>).
    /// Recorded in the audit trail; a decline also tells the coordinators, who hand the consultation to someone else
    /// (<see cref="ReassignAsync"/>) — until then it stays with this supporter, so the resident is never left without one.
    /// Only the supporter it is with now may answer, to the invitation they hold, before it starts; each mail once.
    /// </summary>
    public async Task<Staffing.RespondResult> SupporterAnswerAsync(
        string code, int supporterId, Staffing.AssignmentResponse response, string? reason, Calendar.CalendarAnswer byCalendar, CancellationToken ct) =>
        await work.RunAsync(async unit =>
        {
            // The consultation's row is locked first, so a second reader of the same mail waits here and then finds it taken.
            if (await unit.UpdateAsync(db.ConsultationBookings.Where(b => b.Code == code), b => b.SetProperty(x => x.Sequence, x => x.Sequence), ct) == 0)
                return unit.Discard(Staffing.RespondResult.NotAssigned);
            var booking = await db.ConsultationBookings.AsNoTracking().Where(b => b.Code == code)
                .Select(b => new { b.SupporterId, b.Status, b.StartsAtUtc, b.Sequence }).SingleAsync(ct);
            if (booking.SupporterId != supporterId) return unit.Discard(Staffing.RespondResult.NotAssigned);
            if (booking.Status != ConsultationStatus.Confirmed || booking.StartsAtUtc <= Now) return unit.Discard(Staffing.RespondResult.Closed);
            if (byCalendar.Sequence < booking.Sequence) return unit.Discard(Staffing.RespondResult.OutOfDate);
            if (await db.InboxMessages.AnyAsync(m => m.MessageKey == byCalendar.MessageKey, ct)) return unit.Discard(Staffing.RespondResult.AlreadyApplied);
            db.InboxMessages.Add(new Calendar.InboxMessage { MessageKey = byCalendar.MessageKey, ProcessedAtUtc = Now, Outcome = Calendar.ReplyOutcome.Recorded });
            audit.Record(response switch
            {
                Staffing.AssignmentResponse.Accepted => "consultation.supporter-accepted",
                Staffing.AssignmentResponse.Declined => "consultation.supporter-declined",
                _ => "consultation.supporter-tentative",
            }, nameof(ConsultationBooking), code, $"supporter={supporterId} by calendar reply");
            if (response == Staffing.AssignmentResponse.Declined) await notifier.ConsultationDeclinedAsync(code, supporterId, reason, ct);
            return Staffing.RespondResult.Recorded;
        }, ct);

    public async Task<ReassignResult> ReassignAsync(string code, int supporterId, CancellationToken ct)
    {
        try
        {
            return await work.RunAsync(async unit =>
            {
                var booking = await db.ConsultationBookings.SingleOrDefaultAsync(b => b.Code == code, ct);
                if (booking is null || booking.Status != ConsultationStatus.Confirmed || booking.StartsAtUtc <= Now) return unit.Discard(ReassignResult.NotChangeable);
                if (booking.SupporterId == supporterId) return unit.Discard(ReassignResult.Unchanged);
                var candidate = (await CandidatesAsync(booking, ct)).SingleOrDefault(c => c.SupporterId == supporterId);
                if (candidate is null) return unit.Discard(ReassignResult.NotAHelper);
                if (candidate.Conflict == SupporterConflict.Busy) return unit.Discard(ReassignResult.Busy);
                // Checked again under the supporter's lock: they may have been given a class or another consultation a moment ago.
                if (!await SupporterTime.LockAndCheckFreeAsync(db, supporterId, booking.StartsAtUtc, booking.EndsAtUtc, ct, movingConsultationId: booking.Id))
                    return unit.Discard(ReassignResult.Busy);
                var previous = booking.SupporterId;
                booking.SupporterId = supporterId;
                booking.Sequence++;
                // The unique index (one consultation per supporter and start) is the last word, before any mail is written.
                await unit.SaveAsync(ct);
                audit.Record("consultation.reassigned", nameof(ConsultationBooking), code, $"supporter={previous}->{supporterId}");
                await notifier.ConsultationAsync(booking.Id, ConsultationNotice.SupporterChanged, ct, reason: "担当が別の支援員に替わりました", previousSupporterId: previous);
                return ReassignResult.Changed;
            }, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ReassignResult.Busy;
        }
    }

    /// <summary>Adds a schedule once every rule of the draft holds; a venue schedule needs a venue, phone and online ones none.</summary>
    public async Task<DraftResult> AddScheduleAsync(ConsultationScheduleDraft draft, CancellationToken ct)
    {
        var problems = draft.Problems().ToList();
        if (draft.Mode == ConsultationMode.AtVenue && (draft.VenueId is not { } venue || !await db.Venues.AnyAsync(v => v.Id == venue && v.RetiredAtUtc == null, ct)))
            problems.Add(new(nameof(draft.VenueId), "会場を選んでください（使用を終了した会場は選べません）。"));
        if (problems.Count > 0) return new DraftResult.Rejected(problems);

        var schedule = new ConsultationSchedule
        {
            Mode = draft.Mode,
            VenueId = draft.Mode == ConsultationMode.AtVenue ? draft.VenueId : null,
            FirstDate = draft.FirstDate,
            LastDate = draft.LastDate,
            Weekdays = draft.WeekdayBits,
            RecurrenceRule = draft.Rule,
            StartTime = draft.StartTime,
            EndTime = draft.EndTime,
            SlotMinutes = draft.SlotMinutes,
            BufferMinutes = draft.BufferMinutes,
            Parallel = draft.Parallel,
            OpenOnHolidays = draft.OpenOnHolidays,
            CreatedAtUtc = Now,
        };
        await work.RunAsync(async unit =>
        {
            db.ConsultationSchedules.Add(schedule);
            await unit.SaveAsync(ct);
            audit.Record("consultation-schedule.added", nameof(ConsultationSchedule), schedule.Id,
                $"mode={schedule.Mode} venue={schedule.VenueId} {schedule.FirstDate:yyyy-MM-dd}..{schedule.LastDate:yyyy-MM-dd} {schedule.StartTime:HH:mm}-{schedule.EndTime:HH:mm}");
        }, ct);
        return new DraftResult.Saved(schedule.Id);
    }

    /// <summary>The slots of one schedule between two dates (Japan time), holidays skipped unless it opens on them.</summary>
    public IEnumerable<ConsultationSlot> SlotsOf(ConsultationSchedule schedule, DateOnly from, DateOnly to)
    {
        foreach (var date in ConsultationRecurrence.DaysOf(schedule, from, to))
        {
            if (!schedule.OpenOnHolidays && holidays.NameOf(date) is not null) continue;
            for (var start = schedule.StartTime; ; start = start.AddMinutes(schedule.SlotMinutes + schedule.BufferMinutes))
            {
                var end = start.AddMinutes(schedule.SlotMinutes);
                if (end > schedule.EndTime || end < start) break;
                var startsAt = JapaneseTime.ToUtc(date.ToDateTime(start));
                yield return new ConsultationSlot(schedule.Id, startsAt, startsAt.AddMinutes(schedule.SlotMinutes));
                if (start.AddMinutes(schedule.SlotMinutes + schedule.BufferMinutes) <= start) break;
            }
        }
    }
}
