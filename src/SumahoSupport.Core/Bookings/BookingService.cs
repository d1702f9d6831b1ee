using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Observability;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Bookings;

/// <summary>
/// Seats, the waiting list and attendance. Every change that touches a session's seats takes the session row with an
/// UPDATE before it reads or changes seats: on PostgreSQL and SQL Server that statement takes the row lock, and a conditional one
/// checks capacity at once — under READ COMMITTED a second writer waits for the lock and then re-evaluates the condition
/// on the committed row; on SQLite the write transaction serialises writers anyway (docs/ARCHITECTURE.md, "Concurrency").
/// The <see cref="ClassSession.Confirmed"/> counter changes only in the same transaction as a booking's status.
/// </summary>
public sealed class BookingService(
    AppDbContext db, UnitOfWork work, TimeProvider clock, AuditLog audit, Notifier notifier, PhoneQuota quota, AppMetrics metrics,
    CatalogVersion catalog, SessionQueue queue, IOptions<RosterOptions> roster)
{
    private const string Subject = nameof(Booking);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<BookingResult> BookAsync(int sessionId, BookingRequest request, BookingKind kind, CancellationToken ct)
    {
        // The class's turn is held until the booking commits; what follows the commit lets the next resident in. Residents
        // wait for it before anything is read, so 500 at once hold 500 small requests, not 500 database connections.
        var turn = await queue.EnterAsync(sessionId, ct);
        try
        {
            // One connection from here to the answer, rather than one taken from the pool (and reset) for the read ahead and
            // another for the transaction.
            await db.Database.OpenConnectionAsync(ct);

            var language = Text.Languages.CodeOf(Text.Languages.Named(request.Language));
            var code = BookingSecrets.NewCode();
            if (await ReadAheadAsync(sessionId, language, request.Phone, code, ct) is not { } ahead) return new BookingResult.Closed();
            if (ahead.PhoneHoldsAPlace && await ActiveBookingAsync(sessionId, request.Phone, ct) is { } existing) return existing;
            if (ahead.CodeTaken) code = await BookingCodes.NewUniqueAsync(db, ct);
            var facts = ahead.Facts;

            var (booking, refused) = await TakeAsync(sessionId, request, kind, facts, code, ct);
            if (booking is null) return refused!;
            await turn.DisposeAsync();

            // The class pages show seats, not the waiting list: a waiting place leaves their cached copies as they are (at
            // 9:00, all but the first few bookings of a class).
            if (booking.Status != BookingStatus.Waitlisted) await catalog.ChangedAsync();
            metrics.BookingTaken(seat: booking.Status != BookingStatus.Waitlisted, request.Channel.ToString());
            return booking.Status == BookingStatus.Waitlisted
                ? new BookingResult.Waitlisted(booking.Code, booking.ManageToken, booking.Id, sessionId)
                : new BookingResult.Booked(booking.Code, booking.ManageToken);
        }
        finally
        {
            // Left once: at the commit above, or here after a refusal or a failure.
            await turn.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The booking's transaction: a new booking committed with its audit entry and mail, or why there is none.</summary>
    private async Task<(Booking? Taken, BookingResult? Refused)> TakeAsync(int sessionId, BookingRequest request, BookingKind kind, ClassFacts facts,
        string code, CancellationToken ct)
    {
        try
        {
            return await work.RunAsync(unit => TakeAsync(unit, sessionId, request, kind, facts, code, ct), ct);
        }
        catch (DbUpdateException)
        {
            // The same phone booked this class in a concurrent request; the unique index kept one. Show that one.
            db.ChangeTracker.Clear();
            var winner = await ActiveBookingAsync(sessionId, request.Phone, ct);
            if (winner is null) throw;
            return (null, winner);
        }
    }

    private async Task<(Booking? Taken, BookingResult? Refused)> TakeAsync(Unit unit, int sessionId, BookingRequest request, BookingKind kind,
        ClassFacts facts, string code, CancellationToken ct)
    {
        // First what concerns the resident, not the class: on a server database the booking before this one may still
        // hold the class row meanwhile (SessionQueue lets a few in). The phone's lock comes before the class row's, as
        // in every transaction that takes both, so they cannot deadlock; the phone's places and the participant record are
        // then read in one statement.
        var web = request.Channel == BookingChannel.Web;
        if (web) await quota.LockAsync(request.Phone, ct);
        if (await ResidentAheadAsync(sessionId, request, facts.StartsAtUtc, ct) is not { } resident)
            return unit.Discard<(Booking?, BookingResult?)>((null, new BookingResult.Closed()));
        if (web && !quota.Allows(resident.Held, resident.HeldThatDay))
            return unit.Discard<(Booking?, BookingResult?)>((null, new BookingResult.LimitReached()));
        var found = resident.ParticipantId is { } id ? await db.Participants.SingleAsync(p => p.Id == id, ct) : null;
        // Saved with the booking, in the one batch after the class row: a round trip and a save fewer for every booking,
        // which paid more than the short INSERT costs the bookings waiting on the row (booking-storm, docs/ARCHITECTURE.md).
        var participant = Participants.Adopt(db, found, request, Now);

        // The class row, taken only while the class still takes this booking and has not moved since its facts were
        // read — a move between would otherwise leave this resident with the old time in their mail. From here to the
        // commit, the class's other bookings wait. Bookings queue on the row even when no seat is free: waiting places
        // are then numbered in the order requests got the row, and a seat a cancellation freed meanwhile is taken here,
        // not left empty. The booking's time is read once the row is ours, so it records that order too.
        bool? gotSeat;
        while ((gotSeat = await TakeClassRowAsync(unit, sessionId, facts, Now, kind, ct)) is null)
        {
            if (await ReadAheadAsync(sessionId, facts.Language, request.Phone, code, ct) is not { Facts: var moved } || moved.Sequence == facts.Sequence)
                return unit.Discard<(Booking?, BookingResult?)>((null, new BookingResult.Closed()));
            facts = moved;
        }
        var now = Now;
        if (gotSeat == false && kind == BookingKind.WalkIn) return unit.Discard<(Booking?, BookingResult?)>((null, new BookingResult.Full()));

        var status = gotSeat == false ? BookingStatus.Waitlisted : kind == BookingKind.WalkIn ? BookingStatus.Attended : BookingStatus.Confirmed;
        var booking = new Booking
        {
            Code = code,
            ManageToken = BookingSecrets.NewSecretToken(),
            SurveyToken = BookingSecrets.NewSecretToken(),
            ClassSessionId = sessionId,
            Participant = participant,
            PhoneKey = request.Phone,
            Status = status,
            Channel = request.Channel,
            Language = facts.Language,
            NeedsLoanerDevice = request.Device == DeviceType.None,
            CreatedAtUtc = now,
            StatusChangedAtUtc = now,
        };
        db.Bookings.Add(booking);
        audit.Record(status switch
        {
            BookingStatus.Waitlisted => "booking.waitlisted",
            BookingStatus.Attended => "booking.walkin",
            _ => "booking.confirmed",
        }, Subject, booking.Code, $"session={sessionId} channel={request.Channel}");

        // Saved before the mail is written: a second booking by the same phone meets the unique index here.
        await unit.SaveAsync(ct);
        if (status != BookingStatus.Attended)
        {
            await notifier.BookingAsync(facts.Of(booking, participant), status == BookingStatus.Waitlisted ? BookingNotice.Waitlisted : BookingNotice.Confirmed, ct);
        }
        return (booking, null);
    }

    /// <summary>A resident cancels with the manage link; allowed until the class starts.</summary>
    public async Task<CancelResult> CancelByResidentAsync(string code, string? token, CancellationToken ct)
    {
        var target = await FindAsync(code, ct);
        if (target is null || !BookingSecrets.TokenMatches(target.ManageToken, token)) return CancelResult.NotFound;
        if (Now >= target.StartsAtUtc) return CancelResult.TooLate;
        return await CancelAsync(target, ct, reason: null, undoWindow: TimeSpan.Zero);
    }

    /// <summary>
    /// A resident cancels from their own channel — LINE, a text, the day-before call — after saying yes twice. The channel
    /// proved who they are: the booking must belong to one of <paramref name="participantIds"/> (those linked to that LINE
    /// user, or booked with that phone). <paramref name="channel"/> goes into the audit entry.
    /// </summary>
    public async Task<CancelResult> CancelByChannelAsync(string code, IReadOnlyCollection<int> participantIds, string channel, CancellationToken ct)
    {
        var target = await FindAsync(code, ct);
        if (target is null || !participantIds.Contains(target.ParticipantId)) return CancelResult.NotFound;
        if (Now >= target.StartsAtUtc) return CancelResult.TooLate;
        return await CancelAsync(target, ct, reason: null, undoWindow: TimeSpan.Zero, by: channel);
    }

    /// <summary>
    /// Staff cancel on a resident's behalf (phone, counter), without the manage token. A seat is held for
    /// <see cref="RosterOptions.UndoMinutes"/> first, with the resident's mail waiting as long, so a mis-click can be put
    /// back (<see cref="UndoStaffCancelAsync"/>) before anyone hears of it. <paramref name="reason"/> goes into the audit
    /// entry and the resident's mail.
    /// </summary>
    public async Task<CancelResult> CancelByStaffAsync(string code, string? reason, CancellationToken ct)
    {
        var target = await FindAsync(code, ct);
        return target is null ? CancelResult.NotFound : await CancelAsync(target, ct, reason, roster.Value.UndoWindow);
    }

    /// <summary>元に戻す: a seat cancelled by staff comes back while its undo time lasts; its unsent mail is withdrawn.</summary>
    public async Task<UndoResult> UndoStaffCancelAsync(string code, CancellationToken ct)
    {
        var target = await FindAsync(code, ct);
        if (target is null) return UndoResult.TooLate;
        var result = await work.RunAsync(async unit =>
        {
            await SessionRow.LockAsync(unit, db, target.ClassSessionId, ct);
            var now = Now;
            var booking = await db.Bookings.Where(b => b.Id == target.Id && b.Status == BookingStatus.Cancelled && b.UndoUntilUtc > now)
                .Select(b => new { b.PhoneKey }).SingleOrDefaultAsync(ct);
            if (booking is null) return unit.Discard(UndoResult.TooLate);
            if (await ActiveBookingAsync(target.ClassSessionId, booking.PhoneKey, ct) is not null) return unit.Discard(UndoResult.BookedAgain);
            // The seat was never freed, so the counter already holds it.
            await unit.UpdateAsync(db.Bookings.Where(b => b.Id == target.Id), b => b
                .SetProperty(x => x.Status, BookingStatus.Confirmed)
                .SetProperty(x => x.StatusChangedAtUtc, now)
                .SetProperty(x => x.UndoUntilUtc, (DateTime?)null), ct);
            // Held back until the undo time ended, so it is still here, unclaimed.
            await unit.DeleteAsync(db.OutboxMessages.Where(m => m.RelatesTo == target.Code && m.Kind == Notifier.CancelledTemplate
                && m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc > now), ct);
            audit.Record("booking.cancel-undone", Subject, target.Code);
            return UndoResult.Undone;
        }, ct);
        if (result == UndoResult.Undone) await catalog.ChangedAsync();
        return result;
    }

    /// <summary>
    /// The minute job: seats whose undo time has ended are freed and go to the waiting list. Each is claimed by a
    /// conditional UPDATE in its own unit, so two instances free it once.
    /// </summary>
    /// <returns>How many residents were promoted (each told).</returns>
    public async Task<int> ReleaseHeldSeatsAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.Bookings.AsNoTracking().Where(b => b.UndoUntilUtc <= now)
            .OrderBy(b => b.Id).Select(b => new { b.Id, b.ClassSessionId }).ToListAsync(ct);
        var promotedInAll = 0;
        foreach (var held in due)
        {
            var promoted = await work.RunAsync(async unit =>
            {
                await SessionRow.LockAsync(unit, db, held.ClassSessionId, ct);
                if (await unit.UpdateAsync(db.Bookings.Where(b => b.Id == held.Id && b.UndoUntilUtc != null),
                        b => b.SetProperty(x => x.UndoUntilUtc, (DateTime?)null), ct) == 0)
                    return unit.Discard<IReadOnlyList<string>?>(null);
                await ReleaseSeatAsync(unit, held.ClassSessionId, ct);
                return await PromoteWaitingAsync(unit, held.ClassSessionId, ct);
            }, ct);
            if (promoted is null) continue;
            await catalog.ChangedAsync();
            metrics.Promoted(promoted.Count);
            promotedInAll += promoted.Count;
        }
        return promotedInAll;
    }

    /// <summary>
    /// After the booking cutoff automatic promotion stops and waiting places lapse; the coordinator may still move a
    /// waiting person — or one whose place lapsed, having asked them on the phone — into a free seat until the class starts.
    /// </summary>
    public async Task<PromoteResult> PromoteByStaffAsync(string code, CancellationToken ct)
    {
        var target = await FindAsync(code, ct);
        if (target is null || target.Status is not (BookingStatus.Waitlisted or BookingStatus.Lapsed)) return PromoteResult.NotWaiting;
        var result = await work.RunAsync(async unit =>
        {
            if (!await TakeSeatAsync(unit, target.ClassSessionId, Now, BookingKind.Proxy, ct)) return unit.Discard(PromoteResult.NoSeat);
            if (!await ConfirmWaitingAsync(unit, target.Id, ct, evenLapsed: true)) return unit.Discard(PromoteResult.NotWaiting);
            audit.Record("booking.promoted", Subject, target.Code, "by staff after cutoff");
            await notifier.BookingAsync(target.Code, BookingNotice.Promoted, ct);
            return PromoteResult.Promoted;
        }, ct);
        if (result != PromoteResult.Promoted) return result;
        await catalog.ChangedAsync();
        metrics.Promoted(1);
        return PromoteResult.Promoted;
    }

    /// <summary>
    /// 振替: moves a booking to another coming date of the same course, keeping its 予約番号 and links. The new date's seat
    /// (or the end of its waiting list) is taken, the old seat given back and its waiting list promoted, and the resident
    /// told once — all in one transaction. A resident moves with the manage token (until the new date's booking cutoff);
    /// staff on the phone pass none (until the new date starts).
    /// </summary>
    public async Task<MoveResult> MoveAsync(string code, string? token, bool byStaff, int toSessionId, CancellationToken ct)
    {
        var target = await FindAsync(code, ct);
        if (target is null || (!byStaff && !BookingSecrets.TokenMatches(target.ManageToken, token))) return MoveResult.NotFound;
        var kind = byStaff ? BookingKind.Proxy : BookingKind.Resident;
        // A booking of the new date by the same phone queues on the same row lock, so the check inside cannot be raced.
        var result = await work.RunAsync(unit => MoveAsync(unit, target, kind, toSessionId, ct), ct);
        if (result is MoveResult.Moved or MoveResult.MovedToWaitingList) await catalog.ChangedAsync();
        return result;
    }

    /// <summary>
    /// まとめる: every booking of <paramref name="fromSessionId"/> moves to <paramref name="toSessionId"/> (振替) — seats first,
    /// in the order they were taken, then the waiting list in its turn — each resident told once, on their channel or the
    /// call list, that the city moved it. A resident already booked on that date keeps that booking; the one here is
    /// left for the class's cancellation. Part of <c>ClassScheduleService.MergeAsync</c>'s unit, which has both rows.
    /// </summary>
    /// <returns>How many bookings moved.</returns>
    internal async Task<int> MoveEveryBookingAsync(Unit unit, int fromSessionId, int toSessionId, CancellationToken ct)
    {
        var there = db.Bookings.Where(b => b.ClassSessionId == toSessionId && BookingStatuses.Active.Contains(b.Status)).Select(b => b.PhoneKey);
        var here = db.Bookings.Where(b => b.ClassSessionId == fromSessionId && !there.Contains(b.PhoneKey));
        var moving = await Targets(here.Where(b => b.Status == BookingStatus.Confirmed).OrderBy(b => b.StatusChangedAtUtc).ThenBy(b => b.Id)).ToListAsync(ct);
        moving.AddRange(await Targets(here.Where(b => b.Status == BookingStatus.Waitlisted).InTurn()).ToListAsync(ct));
        foreach (var target in moving) await MoveAsync(unit, target, BookingKind.Proxy, toSessionId, ct, MergedReason);
        return moving.Count;
    }

    /// <summary>Why a merged class's residents were moved; a move with a reason is the city's doing (<see cref="Notifier"/>).</summary>
    public const string MergedReason = "参加される方が少なかったため、同じ内容の教室にまとめました";

    /// <param name="cityReason">
    /// Given when the city moves the booking (a merge): the resident is told why, and as the class it leaves is being
    /// emptied, that class's waiting list is not promoted first.
    /// </param>
    private async Task<MoveResult> MoveAsync(Unit unit, BookingTarget target, BookingKind kind, int toSessionId, CancellationToken ct, string? cityReason = null)
    {
        // Both class rows, in id order, so two moves between the same two dates never wait on each other in a circle.
        foreach (var sessionId in new[] { target.ClassSessionId, toSessionId }.Distinct().Order())
        {
            if (!await SessionRow.LockAsync(unit, db, sessionId, ct)) return unit.Discard(MoveResult.NotAnOption);
        }
        var now = Now;
        var booking = await db.Bookings.Where(b => b.Id == target.Id)
            .Select(b => new { b.Status, b.PhoneKey, b.ClassSession.CourseId, b.ClassSession.StartsAtUtc })
            .SingleAsync(ct);
        if (booking.Status is not (BookingStatus.Confirmed or BookingStatus.Waitlisted) || booking.StartsAtUtc <= now) return unit.Discard(MoveResult.NotMovable);
        if (toSessionId == target.ClassSessionId || !await Bookable(toSessionId, now, kind).AnyAsync(s => s.CourseId == booking.CourseId, ct))
            return unit.Discard(MoveResult.NotAnOption);
        if (await ActiveBookingAsync(toSessionId, booking.PhoneKey, ct) is not null) return unit.Discard(MoveResult.AlreadyThere);

        var hadSeat = booking.Status == BookingStatus.Confirmed;
        if (hadSeat) await ReleaseSeatAsync(unit, target.ClassSessionId, ct);
        var gotSeat = await TakeSeatAsync(unit, toSessionId, now, kind, ct);
        await unit.UpdateAsync(db.Bookings.Where(b => b.Id == target.Id), b => b
            .SetProperty(x => x.ClassSessionId, toSessionId)
            .SetProperty(x => x.Status, gotSeat ? BookingStatus.Confirmed : BookingStatus.Waitlisted)
            .SetProperty(x => x.StatusChangedAtUtc, now)
            .SetProperty(x => x.RemindedAtUtc, (DateTime?)null)
            .SetProperty(x => x.Sequence, x => x.Sequence + 1), ct);
        audit.Record("booking.moved", Subject, target.Code, $"session={target.ClassSessionId} to session={toSessionId} seat={gotSeat}");
        await notifier.BookingAsync(target.Code, BookingNotice.Moved, ct, cityReason, hadInvitation: hadSeat);
        if (hadSeat && cityReason is null) await PromoteWaitingAsync(unit, target.ClassSessionId, ct);
        return gotSeat ? MoveResult.Moved : MoveResult.MovedToWaitingList;
    }

    /// <summary>出席 / 欠席 from the roster, from the class's day (Tokyo) on. The seat stays taken either way.</summary>
    public Task<AttendanceResult> RecordAttendanceAsync(string code, bool attended, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            var status = attended ? BookingStatus.Attended : BookingStatus.NoShow;
            var endOfToday = JapaneseTime.EndOfTokyoDay(Now);
            var changed = await unit.UpdateAsync(db.Bookings.Where(b => b.Code == code && BookingStatuses.HoldingSeat.Contains(b.Status) && b.ClassSession.StartsAtUtc < endOfToday),
                b => b.SetProperty(x => x.Status, status).SetProperty(x => x.StatusChangedAtUtc, Now), ct);
            if (changed == 0)
            {
                var seatedLater = await db.Bookings.AnyAsync(b => b.Code == code && BookingStatuses.HoldingSeat.Contains(b.Status), ct);
                return unit.Discard(seatedLater ? AttendanceResult.NotYet : AttendanceResult.NotSeated);
            }
            audit.Record(attended ? "booking.attended" : "booking.noshow", Subject, code);
            return AttendanceResult.Recorded;
        }, ct);

    /// <summary>Whether attendance (and walk-ins) can be recorded for a class starting then: from its day in Tokyo on.</summary>
    public static bool AttendanceOpen(DateTime startsAtUtc, DateTime nowUtc) => startsAtUtc < JapaneseTime.EndOfTokyoDay(nowUtc);

    /// <summary>
    /// Gives free seats to the waiting list in arrival order while the session still takes bookings. Runs inside the
    /// caller's transaction, after the caller has locked the session row; returns the promoted booking codes.
    /// </summary>
    internal async Task<IReadOnlyList<string>> PromoteWaitingAsync(Unit unit, int sessionId, CancellationToken ct)
    {
        var promoted = new List<string>();
        while (true)
        {
            var next = await db.Bookings
                .Where(b => b.ClassSessionId == sessionId && b.Status == BookingStatus.Waitlisted)
                .InTurn()
                .Select(b => new { b.Id, b.Code })
                .FirstOrDefaultAsync(ct);
            if (next is null || !await TakeSeatAsync(unit, sessionId, Now, BookingKind.Resident, ct)) break;
            if (!await ConfirmWaitingAsync(unit, next.Id, ct))
            {
                await ReleaseSeatAsync(unit, sessionId, ct);
                continue;
            }
            audit.Record("booking.promoted", Subject, next.Code, $"session={sessionId}");
            await notifier.BookingAsync(next.Code, BookingNotice.Promoted, ct);
            promoted.Add(next.Code);
        }
        return promoted;
    }

    /// <summary>
    /// A class is called off (中止): every seat and waiting place is cancelled and each resident told, and the class holds
    /// no seats any more. Runs inside the caller's transaction, after the caller has locked the session row; returns the
    /// codes of the cancelled bookings.
    /// </summary>
    internal async Task<IReadOnlyList<string>> CancelEveryBookingAsync(Unit unit, int sessionId, string? reason, CancellationToken ct)
    {
        await unit.UpdateAsync(db.ClassSessions.Where(s => s.Id == sessionId), s => s.SetProperty(x => x.Confirmed, 0), ct);
        var active = BookingStatuses.HoldingSeat.Append(BookingStatus.Waitlisted).ToArray();
        var affected = await db.Bookings
            .Where(b => b.ClassSessionId == sessionId && active.Contains(b.Status))
            .Select(b => new { b.Code, HadSeat = b.Status != BookingStatus.Waitlisted })
            .ToListAsync(ct);
        // A seat still held for 元に戻す goes with the class: the counter is zero now, so nothing is left to free.
        await unit.UpdateAsync(db.Bookings.Where(b => b.ClassSessionId == sessionId && b.UndoUntilUtc != null),
            b => b.SetProperty(x => x.UndoUntilUtc, (DateTime?)null), ct);
        await unit.UpdateAsync(db.Bookings.Where(b => b.ClassSessionId == sessionId && active.Contains(b.Status)), b => b
            .SetProperty(x => x.Status, BookingStatus.Cancelled)
            .SetProperty(x => x.StatusChangedAtUtc, Now)
            .SetProperty(x => x.Sequence, x => x.Sequence + 1), ct);
        foreach (var booking in affected)
        {
            audit.Record("booking.cancelled", Subject, booking.Code, "session cancelled");
            await notifier.BookingAsync(booking.Code, BookingNotice.SessionCancelled, ct, reason, hadInvitation: booking.HadSeat);
        }
        return [.. affected.Select(b => b.Code)];
    }

    /// <param name="undoWindow">How long a freed seat is held for 元に戻す (staff only); zero gives it to the waiting list at once.</param>
    private async Task<CancelResult> CancelAsync(BookingTarget target, CancellationToken ct, string? reason, TimeSpan undoWindow, string? by = null)
    {
        var promoted = await work.RunAsync<IReadOnlyList<string>?>(async unit =>
        {
            await SessionRow.LockAsync(unit, db, target.ClassSessionId, ct);
            var now = Now;
            var status = await db.Bookings.Where(b => b.Id == target.Id).Select(b => b.Status).SingleAsync(ct);
            if (status == BookingStatus.Cancelled) return unit.Discard<IReadOnlyList<string>?>(null);
            var heldSeat = BookingStatuses.HoldingSeat.Contains(status);
            DateTime? undoUntil = heldSeat && undoWindow > TimeSpan.Zero ? now + undoWindow : null;
            await unit.UpdateAsync(db.Bookings.Where(b => b.Id == target.Id), b => b
                .SetProperty(x => x.Status, BookingStatus.Cancelled)
                .SetProperty(x => x.StatusChangedAtUtc, now)
                .SetProperty(x => x.UndoUntilUtc, undoUntil)
                .SetProperty(x => x.Sequence, x => x.Sequence + 1), ct);
            audit.Record("booking.cancelled", Subject, target.Code, string.IsNullOrWhiteSpace(reason) ? by is null ? null : $"by {by}" : $"reason: {reason}");
            await notifier.BookingAsync(target.Code, BookingNotice.Cancelled, ct, reason, hadInvitation: heldSeat, sendAfterUtc: undoUntil);
            if (!heldSeat || undoUntil is not null) return [];
            await ReleaseSeatAsync(unit, target.ClassSessionId, ct);
            return await PromoteWaitingAsync(unit, target.ClassSessionId, ct);
        }, ct);
        if (promoted is null) return CancelResult.AlreadyCancelled;
        await catalog.ChangedAsync();
        metrics.Cancelled(1);
        metrics.Promoted(promoted.Count);
        return CancelResult.Cancelled;
    }

    /// <summary>
    /// Takes the class row for a new booking: with a seat when one is free (true), without one when the class is full
    /// (false); null when the class no longer takes the booking or has moved since <paramref name="facts"/> were read.
    /// Each conditional UPDATE locks the row only when its condition holds on the row as last committed, so one statement
    /// does it — the one the class's state when its facts were read calls for — and the other follows only when a seat
    /// was taken or given back meanwhile: at 9:00 every statement under the row is one the class's next booking waits for.
    /// </summary>
    private async Task<bool?> TakeClassRowAsync(Unit unit, int sessionId, ClassFacts facts, DateTime now, BookingKind kind, CancellationToken ct)
    {
        var row = Bookable(sessionId, now, kind).Where(s => s.Sequence == facts.Sequence);
        async Task<bool> Seat() => await unit.UpdateAsync(row.Where(s => s.Confirmed < s.Capacity), s => s.SetProperty(x => x.Confirmed, x => x.Confirmed + 1), ct) == 1;
        async Task<bool> NoSeat() => await unit.UpdateAsync(row.Where(s => s.Confirmed >= s.Capacity), s => s.SetProperty(x => x.Sequence, x => x.Sequence), ct) == 1;

        if (facts.Full ? await NoSeat() : await Seat()) return !facts.Full;
        if (facts.Full ? await Seat() : await NoSeat()) return facts.Full;
        // Neither: the class no longer takes this booking — or its last seat was given back and taken again between the
        // two. Once the row is held, the seats stay as read.
        if (await unit.UpdateAsync(row, s => s.SetProperty(x => x.Sequence, x => x.Sequence), ct) == 0) return null;
        return await TakeSeatAsync(unit, sessionId, now, kind, ct);
    }

    /// <summary>The conditional UPDATE that locks the session row and takes a seat only if one is free.</summary>
    private async Task<bool> TakeSeatAsync(Unit unit, int sessionId, DateTime now, BookingKind kind, CancellationToken ct) =>
        await unit.UpdateAsync(Bookable(sessionId, now, kind).Where(s => s.Confirmed < s.Capacity),
            s => s.SetProperty(x => x.Confirmed, x => x.Confirmed + 1), ct) == 1;

    private Task<int> ReleaseSeatAsync(Unit unit, int sessionId, CancellationToken ct) =>
        unit.UpdateAsync(db.ClassSessions.Where(s => s.Id == sessionId), s => s.SetProperty(x => x.Confirmed, x => x.Confirmed - 1), ct);

    private async Task<bool> ConfirmWaitingAsync(Unit unit, int bookingId, CancellationToken ct, bool evenLapsed = false) =>
        await unit.UpdateAsync(db.Bookings.Where(b => b.Id == bookingId && (b.Status == BookingStatus.Waitlisted || (evenLapsed && b.Status == BookingStatus.Lapsed))), b => b
            .SetProperty(x => x.Status, BookingStatus.Confirmed)
            .SetProperty(x => x.StatusChangedAtUtc, Now), ct) == 1;

    private IQueryable<ClassSession> Bookable(int sessionId, DateTime now, BookingKind kind)
    {
        var sessions = db.ClassSessions.Where(s => s.Id == sessionId && s.Status == ClassSessionStatus.Scheduled);
        return kind switch
        {
            BookingKind.Resident => sessions.Where(s => s.BookingClosesAtUtc > now),
            BookingKind.Proxy => sessions.Where(s => s.StartsAtUtc > now),
            // A walk-in is recorded as attended, so only on the class's day (Tokyo).
            _ => sessions.Where(s => s.EndsAtUtc > now && s.StartsAtUtc < JapaneseTime.EndOfTokyoDay(now)),
        };
    }

    /// <summary>
    /// What a booking reads before its transaction, in one round trip, as none of it needs a lock: the class as the
    /// notices describe it in <paramref name="language"/> (its <see cref="ClassFacts.Sequence"/> tells the booking whether
    /// it moved before the row was taken), whether this phone already holds a place in it (which one is read only then),
    /// and whether the fresh <paramref name="code"/> is taken — the unique indexes on codes and on active places have the
    /// last word. Null when there is no such class.
    /// </summary>
    private Task<ReadAhead?> ReadAheadAsync(int sessionId, string language, string phone, string code, CancellationToken ct) =>
        ReadAheadQuery(db, sessionId, language, phone, code, ct);

    /// <summary>
    /// Compiled once: every booking runs it, and EF otherwise walks and hashes this large expression on each call to find
    /// its cached translation (a tenth of the app's time in the 9:00 storm's profile went to that, over all queries).
    /// </summary>
    private static readonly Func<AppDbContext, int, string, string, string, CancellationToken, Task<ReadAhead?>> ReadAheadQuery =
        EF.CompileAsyncQuery((AppDbContext db, int sessionId, string language, string phone, string code, CancellationToken ct) =>
            db.ClassSessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new ReadAhead(
                    new ClassFacts(
                        language, s.Sequence,
                        language == Text.Languages.EnglishCode && s.Course.TitleEn != null ? s.Course.TitleEn : s.Course.Title,
                        s.StartsAtUtc, s.EndsAtUtc,
                        language == Text.Languages.EnglishCode && s.Course.ThingsToBringEn != null && s.Notes == s.Course.ThingsToBring ? s.Course.ThingsToBringEn : s.Notes,
                        language == Text.Languages.EnglishCode && s.Venue.NameEn != null ? s.Venue.NameEn : s.Venue.Name,
                        s.Venue.Address,
                        s.Confirmed >= s.Capacity),
                    db.Bookings.Any(b => b.ClassSessionId == sessionId && b.PhoneKey == phone && BookingStatuses.Active.Contains(b.Status)),
                    db.Bookings.Any(b => b.Code == code) || db.ConsultationBookings.Any(c => c.Code == code)))
                .SingleOrDefault());

    private sealed record ReadAhead(ClassFacts Facts, bool PhoneHoldsAPlace, bool CodeTaken);

    /// <summary>
    /// What the booking reads of the resident once the phone's lock is held (<see cref="PhoneQuota.LockAsync"/>), in one
    /// statement: how many places the phone holds — in all, and on the class's Tokyo day — and the record the request may
    /// reuse (<see cref="Participants.SamePerson"/>), if any: read by itself only then, as most residents at 9:00 are new.
    /// Null when the class is gone.
    /// </summary>
    private Task<ResidentAhead?> ResidentAheadAsync(int sessionId, BookingRequest request, DateTime startsAtUtc, CancellationToken ct)
    {
        var (from, until) = JapaneseTime.TokyoDayOf(startsAtUtc);
        return ResidentAheadQuery(db, sessionId, request.Name, request.Kana, request.Phone, request.Email, request.AgeBand, request.Device, request.Needs,
            request.Channel, request.Contact, Now, from, until, ct);
    }

    /// <summary>
    /// Compiled once, as <see cref="ReadAheadQuery"/>, with the quota's and the participant's rules written out in it
    /// (<see cref="QueryRules"/>); EF reads no member of a compiled query's parameter, so the request comes as its values.
    /// </summary>
    private static readonly Func<AppDbContext, int, string, string, string, string?, AgeBand, DeviceType, string?, BookingChannel, ContactPreference?,
        DateTime, DateTime, DateTime, CancellationToken, Task<ResidentAhead?>> ResidentAheadQuery =
        EF.CompileAsyncQuery(QueryRules.Inline((AppDbContext db, int sessionId, string name, string kana, string phone, string? email, AgeBand ageBand,
                DeviceType device, string? needs, BookingChannel channel, ContactPreference? contact, DateTime now, DateTime from, DateTime until, CancellationToken ct) =>
            db.ClassSessions.Where(s => s.Id == sessionId)
                .Select(s => new ResidentAhead(
                    PhoneQuota.Held.Apply(db, phone, now).Count(),
                    PhoneQuota.Held.Apply(db, phone, now).Count(t => t >= from && t < until),
                    Participants.SamePerson.Apply(db, new BookingRequest(name, kana, phone, email, ageBand, device, needs, channel, Text.Languages.JapaneseCode, contact))
                        .Select(p => (int?)p.Id).FirstOrDefault()))
                .SingleOrDefault()));

    private sealed record ResidentAhead(int Held, int HeldThatDay, int? ParticipantId);

    private Task<BookingResult.AlreadyBooked?> ActiveBookingAsync(int sessionId, string phone, CancellationToken ct) =>
        db.Bookings
            .Where(b => b.ClassSessionId == sessionId && b.PhoneKey == phone && BookingStatuses.Active.Contains(b.Status))
            .Select(b => new BookingResult.AlreadyBooked(b.Code, b.Status))
            .FirstOrDefaultAsync(ct);

    private Task<BookingTarget?> FindAsync(string code, CancellationToken ct) => Targets(db.Bookings.Where(b => b.Code == code)).SingleOrDefaultAsync(ct);

    private static IQueryable<BookingTarget> Targets(IQueryable<Booking> bookings) =>
        bookings.Select(b => new BookingTarget(b.Id, b.Code, b.ManageToken, b.ClassSessionId, b.Status, b.ClassSession.StartsAtUtc, b.ParticipantId));

    public Task<int> WaitlistPositionAsync(int bookingId, int sessionId, CancellationToken ct) =>
        WaitingList.PositionAsync(db, bookingId, sessionId, ct);

    private sealed record BookingTarget(int Id, string Code, string ManageToken, int ClassSessionId, BookingStatus Status, DateTime StartsAtUtc, int ParticipantId);
}
