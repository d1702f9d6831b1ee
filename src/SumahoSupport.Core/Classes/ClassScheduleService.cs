using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Observability;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Classes;

/// <summary>Creates, edits and cancels class sessions and recurring series.</summary>
public sealed class ClassScheduleService(
    AppDbContext db, UnitOfWork work, TimeProvider clock, AuditLog audit, BookingService bookings, HolidayCalendar holidays, Notifier notifier,
    AppMetrics metrics, CatalogVersion catalog, Microsoft.Extensions.Options.IOptions<RosterOptions> roster)
{
    /// <summary>A series may not run away: at most this many occurrences, within a year of the first.</summary>
    public const int MaxOccurrences = 60;

    private const string SessionSubject = nameof(ClassSession);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ScheduleResult> CreateSessionAsync(SessionDraft draft, CancellationToken ct)
    {
        if (await ValidateAsync(draft, ct) is { } rejected) return rejected;
        var session = NewSession(draft, seriesId: null);
        await work.RunAsync(async unit =>
        {
            db.ClassSessions.Add(session);
            await unit.SaveAsync(ct);
            audit.Record("session.created", SessionSubject, session.Id);
        }, ct);
        await catalog.ChangedAsync();
        return new ScheduleResult.Saved(session.Id);
    }

    /// <summary>
    /// Edits one session. Capacity is checked against the seats taken in the same statement that locks the row, so a
    /// booking arriving meanwhile cannot push the class over; extra seats go to the waiting list at once.
    /// </summary>
    public async Task<ScheduleResult> UpdateSessionAsync(int sessionId, SessionDraft draft, CancellationToken ct)
    {
        if (await ValidateAsync(draft, ct) is { } rejected) return rejected;
        var current = await db.ClassSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.Status, s.StartsAtUtc, s.EndsAtUtc, s.VenueId })
            .SingleOrDefaultAsync(ct) ?? throw new KeyNotFoundException($"ClassSession {sessionId}");
        if (current.Status == ClassSessionStatus.Cancelled)
            return new ScheduleResult.Rejected("", "中止した教室は変更できません。");

        var timeMoved = current.StartsAtUtc != draft.StartsAtUtc || current.EndsAtUtc != draft.EndsAtUtc;
        var moved = timeMoved || current.VenueId != draft.VenueId;
        var closesAt = draft.StartsAtUtc.AddMinutes(-draft.BookingCutoffMinutes);
        var (result, promoted) = await work.RunAsync<(ScheduleResult, int)>(async unit =>
        {
            var updated = await unit.UpdateAsync(db.ClassSessions.Where(s => s.Id == sessionId && s.Confirmed <= draft.Capacity), s => s
                .SetProperty(x => x.CourseId, draft.CourseId)
                .SetProperty(x => x.VenueId, draft.VenueId)
                .SetProperty(x => x.StartsAtUtc, draft.StartsAtUtc)
                .SetProperty(x => x.EndsAtUtc, draft.EndsAtUtc)
                .SetProperty(x => x.BookingClosesAtUtc, closesAt)
                .SetProperty(x => x.Capacity, draft.Capacity)
                .SetProperty(x => x.LoanerDevices, draft.LoanerDevices)
                .SetProperty(x => x.Notes, draft.Notes)
                .SetProperty(x => x.Sequence, x => moved ? x.Sequence + 1 : x.Sequence), ct);
            if (updated == 0)
            {
                var taken = await db.ClassSessions.Where(s => s.Id == sessionId).Select(s => s.Confirmed).SingleAsync(ct);
                return unit.Discard<(ScheduleResult, int)>((new ScheduleResult.Rejected(nameof(SessionDraft.Capacity), $"すでに{taken}人が予約しています。定員は{taken}人以上にしてください。"), 0));
            }
            if (timeMoved && await BusySupporterAsync(sessionId, draft, ct) is { } busy)
            {
                return unit.Discard<(ScheduleResult, int)>((new ScheduleResult.Rejected(nameof(SessionDraft.StartsAtUtc),
                    $"支援員の{busy}さんは、新しい日時に別の担当（教室・相談）があります。先に担当を外すか、別の日時にしてください。"), 0));
            }
            audit.Record(moved ? "session.moved" : "session.updated", SessionSubject, sessionId,
                moved ? $"{JapaneseTime.FormatRange(current.StartsAtUtc, current.EndsAtUtc, withYear: true)} → {JapaneseTime.FormatRange(draft.StartsAtUtc, draft.EndsAtUtc, withYear: true)}" : null);
            if (moved) await NotifyMovedAsync(sessionId, ct);
            var promoted = await bookings.PromoteWaitingAsync(unit, sessionId, ct);
            return ((ScheduleResult)new ScheduleResult.Saved(sessionId), promoted.Count);
        }, ct);
        if (result is ScheduleResult.Rejected) return result;
        await catalog.ChangedAsync();
        metrics.Promoted(promoted);
        return result;
    }

    /// <summary>中止: every booking and waiting place is cancelled; returns their codes so residents can be told.</summary>
    public async Task<IReadOnlyList<string>> CancelSessionAsync(int sessionId, string? reason, CancellationToken ct)
    {
        var codes = await work.RunAsync(unit => CancelAsync(unit, sessionId, reason, ct), ct);
        if (codes is null) return await db.ClassSessions.AnyAsync(s => s.Id == sessionId, ct) ? [] : throw new KeyNotFoundException($"ClassSession {sessionId}");
        await catalog.ChangedAsync();
        metrics.Cancelled(codes.Count);
        return codes;
    }

    /// <summary>中止 inside <paramref name="unit"/>; null (and the unit discarded) when the class was not scheduled.</summary>
    private async Task<IReadOnlyList<string>?> CancelAsync(Unit unit, int sessionId, string? reason, CancellationToken ct)
    {
        // First statement: lock the row; from here no booking can take a seat in this session.
        var cancelled = await unit.UpdateAsync(db.ClassSessions.Where(s => s.Id == sessionId && s.Status == ClassSessionStatus.Scheduled), s => s
            .SetProperty(x => x.Status, ClassSessionStatus.Cancelled)
            .SetProperty(x => x.Sequence, x => x.Sequence + 1), ct);
        if (cancelled == 0) return unit.Discard<IReadOnlyList<string>?>(null);
        audit.Record("session.cancelled", SessionSubject, sessionId, reason);
        // Seats belong to the bookings: BookingService gives them back and tells each resident.
        var codes = await bookings.CancelEveryBookingAsync(unit, sessionId, reason, ct);
        foreach (var supporterId in await SupportersOnAsync(sessionId, ct)) await notifier.AssignmentAsync(sessionId, supporterId, cancelled: true, ct);
        return codes;
    }

    /// <summary>
    /// まとめる: an under-filled class's bookings move to <paramref name="intoSessionId"/>, a coming class of the same course
    /// with room for them all, and the emptied class is cancelled (its supporters told) — one transaction, so either every
    /// resident is moved and told once, or nothing changed. Someone already booked on that date keeps that booking and
    /// hears that this one was cancelled.
    /// </summary>
    public async Task<MergeResult> MergeAsync(int fromSessionId, int intoSessionId, CancellationToken ct)
    {
        var result = await work.RunAsync(async unit =>
        {
            // Both rows, in id order, as a move takes them.
            foreach (var id in new[] { fromSessionId, intoSessionId }.Distinct().Order())
                if (!await SessionRow.LockAsync(unit, db, id, ct)) return unit.Discard<MergeResult>(new MergeResult.NotAnOption());
            var now = Now;
            var pair = await db.ClassSessions.Where(s => s.Id == fromSessionId || s.Id == intoSessionId)
                .Select(s => new { s.Id, s.CourseId, s.Status, s.StartsAtUtc, s.Capacity, s.Confirmed }).ToListAsync(ct);
            var (from, into) = (pair.SingleOrDefault(s => s.Id == fromSessionId), pair.SingleOrDefault(s => s.Id == intoSessionId));
            if (from is null || into is null || from.Id == into.Id || from.CourseId != into.CourseId
                || from.Status != ClassSessionStatus.Scheduled || into.Status != ClassSessionStatus.Scheduled || from.StartsAtUtc <= now || into.StartsAtUtc <= now)
                return unit.Discard<MergeResult>(new MergeResult.NotAnOption());
            if (into.Capacity - into.Confirmed < from.Confirmed) return unit.Discard<MergeResult>(new MergeResult.NoRoom(into.Capacity - into.Confirmed));

            var moved = await bookings.MoveEveryBookingAsync(unit, fromSessionId, intoSessionId, ct);
            audit.Record("session.merged", SessionSubject, fromSessionId, $"into session={intoSessionId} moved={moved}");
            var left = await CancelAsync(unit, fromSessionId, BookingService.MergedReason, ct);
            return (MergeResult)new MergeResult.Merged(moved, left!.Count);
        }, ct);
        if (result is MergeResult.Merged merged)
        {
            await catalog.ChangedAsync();
            // Those already booked on the other date: their booking here went with the class, as a 中止's do.
            metrics.Cancelled(merged.Cancelled);
        }
        return result;
    }

    /// <summary>
    /// Coming classes, from now to the end of the Tokyo day <see cref="RosterOptions.UnderFilledDaysAhead"/> days on
    /// (today counted), with fewer than <see cref="RosterOptions.UnderFilledBelow"/> seats taken — each with the nearest
    /// coming class of the same course that has room for them all, if there is one.
    /// </summary>
    public async Task<IReadOnlyList<UnderFilledClass>> UnderFilledAsync(CancellationToken ct)
    {
        var now = Now;
        var (below, days) = (roster.Value.UnderFilledBelow, roster.Value.UnderFilledDaysAhead);
        var until = JapaneseTime.EndOfTokyoDay(now).AddDays(days - 1);
        var few = await db.ClassSessions.AsNoTracking()
            .Where(s => s.Status == ClassSessionStatus.Scheduled && s.StartsAtUtc > now && s.StartsAtUtc < until && s.Confirmed < below)
            .OrderBy(s => s.StartsAtUtc)
            .Select(s => new UnderFilledClass.Row(s.Id, s.CourseId, s.Course.Title, s.StartsAtUtc, s.EndsAtUtc, s.Venue.Name, s.Confirmed, s.Capacity))
            .ToListAsync(ct);
        var courses = few.Select(s => s.CourseId).Distinct().ToList();
        var others = await db.ClassSessions.AsNoTracking()
            .Where(s => s.Status == ClassSessionStatus.Scheduled && s.StartsAtUtc > now && courses.Contains(s.CourseId))
            .Select(s => new UnderFilledClass.Row(s.Id, s.CourseId, s.Course.Title, s.StartsAtUtc, s.EndsAtUtc, s.Venue.Name, s.Confirmed, s.Capacity))
            .ToListAsync(ct);
        return [.. few.Select(s => new UnderFilledClass(s, others
            .Where(o => o.Id != s.Id && o.CourseId == s.CourseId && o.Capacity - o.Taken >= s.Taken)
            .OrderBy(o => Math.Abs((o.StartsAtUtc - s.StartsAtUtc).Ticks)).ThenBy(o => o.StartsAtUtc)
            .FirstOrDefault()))];
    }

    /// <summary>
    /// Every date a series would fall on, holidays and closed days marked (skipped unless <see cref="SeriesDraft.KeepHolidays"/>),
    /// for the coordinator to look at before anything is made. "6 classes" means six held: a skipped day does not count.
    /// </summary>
    public ScheduleResult PlanSeries(SeriesDraft draft)
    {
        var occurrences = Occurrences(draft);
        if (occurrences is null)
            return new ScheduleResult.Rejected(nameof(SeriesDraft.RecurrenceRule), "繰り返しの指定（RRULE）を読み取れません。例: FREQ=WEEKLY;BYDAY=TU;COUNT=8");
        var dates = new List<PlannedDate>();
        foreach (var date in occurrences.Select(o => DateOnly.FromDateTime(JapaneseTime.ToTokyo(o))))
        {
            if (draft.Until is { } until && date > until) break;
            dates.Add(new PlannedDate(date, draft.KeepHolidays ? null : holidays.NameOf(date)));
            if (draft.Classes is { } classes && dates.Count(d => d.Skipped is null) == classes) break;
        }
        var kept = dates.Count(d => d.Skipped is null);
        if (dates.Count == 0 || (draft.Until is not null && draft.Until < draft.FirstDate))
            return new ScheduleResult.Rejected(nameof(SeriesDraft.RecurrenceRule), "この指定では開催日が1日もありません。");
        if (kept > MaxOccurrences || dates.Count > MaxOccurrences * 2 || (draft.Classes is null && draft.Until is null && occurrences.Count > MaxOccurrences))
            return new ScheduleResult.Rejected(nameof(SeriesDraft.RecurrenceRule), $"一度に作れるのは{MaxOccurrences}回までです。回数（COUNT）か終了日（UNTIL）を指定してください。");
        if (kept == 0) return new ScheduleResult.Rejected(nameof(SeriesDraft.RecurrenceRule), "開催日がすべて祝日です。");
        // The stored rule reproduces the dates looked at: COUNT of every date including the skipped, or the last day.
        var rule = draft.RecurrenceRule.Trim();
        if (draft.Classes is not null) rule += $";COUNT={dates.Count.ToString(CultureInfo.InvariantCulture)}";
        else if (draft.Until is { } last) rule += $";UNTIL={JapaneseTime.ToUtc(last.ToDateTime(new TimeOnly(23, 59, 59))):yyyyMMdd'T'HHmmss'Z'}";
        return new ScheduleResult.Planned(new SeriesPlan(dates, rule));
    }

    /// <summary>
    /// Creates a series on the dates the coordinator kept from its plan (<paramref name="dates"/>, which may drop planned
    /// dates and add single ones), or on every date the plan keeps. Each date is checked as a single class would be.
    /// </summary>
    public async Task<ScheduleResult> CreateSeriesAsync(SeriesDraft draft, CancellationToken ct, IReadOnlyCollection<DateOnly>? dates = null)
    {
        var planned = PlanSeries(draft);
        if (planned is not ScheduleResult.Planned { Plan: var plan }) return planned;
        var chosen = (dates ?? [.. plan.Kept]).Distinct().Order().ToList();
        if (chosen.Count == 0) return new ScheduleResult.Rejected(nameof(SeriesDraft.RecurrenceRule), "開催日を1日以上選んでください。");
        if (chosen.Count > MaxOccurrences)
            return new ScheduleResult.Rejected(nameof(SeriesDraft.RecurrenceRule), $"一度に作れるのは{MaxOccurrences}回までです。");
        var starts = chosen.Select(d => JapaneseTime.ToUtc(d.ToDateTime(draft.StartTime))).ToList();
        foreach (var start in starts)
        {
            if (await ValidateAsync(ToSessionDraft(draft, start), ct) is { } rejected)
                return rejected with { Message = $"{JapaneseTime.FormatDate(start, withYear: true)}の回: {rejected.Message}" };
        }
        var skipped = plan.Dates.Where(d => d.Skipped is not null && !chosen.Contains(d.Date))
            .Select(d => $"{JapaneseTime.FormatDate(d.Date, withYear: true)} {d.Skipped}").ToList();

        var series = new ClassSeries
        {
            CourseId = draft.CourseId,
            VenueId = draft.VenueId,
            RecurrenceRule = plan.RecurrenceRule,
            FirstStartsAtUtc = starts[0],
            DurationMinutes = draft.DurationMinutes,
            Capacity = draft.Capacity,
            LoanerDevices = draft.LoanerDevices,
            BookingCutoffMinutes = draft.BookingCutoffMinutes,
            Notes = draft.Notes,
            KeepHolidays = draft.KeepHolidays,
            CreatedAtUtc = Now,
        };
        // The series, its sessions and the audit entry: all of them or none.
        await work.RunAsync(async unit =>
        {
            db.ClassSeries.Add(series);
            await unit.SaveAsync(ct);
            foreach (var start in starts) db.ClassSessions.Add(NewSession(ToSessionDraft(draft, start), series.Id));
            audit.Record("series.created", nameof(ClassSeries), series.Id, $"{series.RecurrenceRule} sessions={starts.Count} skipped={skipped.Count}");
        }, ct);
        await catalog.ChangedAsync();
        return new ScheduleResult.SeriesSaved(series.Id, starts.Count, skipped);
    }

    /// <summary>
    /// Applies one change to every occurrence of a series that has not started yet, each checked like a single edit;
    /// the date of each occurrence stays, its time of day, length and place follow the change. One unit: an occurrence
    /// that refuses the change leaves the whole series as it was, never half of it moved.
    /// </summary>
    public async Task<ScheduleResult> UpdateSeriesAsync(int seriesId, SeriesDraft draft, CancellationToken ct)
    {
        var result = await work.RunAsync(async unit =>
        {
            var future = await db.ClassSessions.AsNoTracking()
                .Where(s => s.SeriesId == seriesId && s.Status == ClassSessionStatus.Scheduled && s.StartsAtUtc > Now)
                .OrderBy(s => s.StartsAtUtc)
                .Select(s => new { s.Id, s.StartsAtUtc })
                .ToListAsync(ct);
            foreach (var occurrence in future)
            {
                var date = DateOnly.FromDateTime(JapaneseTime.ToTokyo(occurrence.StartsAtUtc));
                var start = JapaneseTime.ToUtc(date.ToDateTime(draft.StartTime));
                if (await UpdateSessionAsync(occurrence.Id, ToSessionDraft(draft, start), ct) is ScheduleResult.Rejected rejected)
                    return unit.Discard<ScheduleResult>(rejected with { Message = $"{JapaneseTime.FormatDate(occurrence.StartsAtUtc, withYear: true)}の回: {rejected.Message}" });
            }
            await unit.UpdateAsync(db.ClassSeries.Where(s => s.Id == seriesId), s => s
                .SetProperty(x => x.VenueId, draft.VenueId)
                .SetProperty(x => x.DurationMinutes, draft.DurationMinutes)
                .SetProperty(x => x.Capacity, draft.Capacity)
                .SetProperty(x => x.LoanerDevices, draft.LoanerDevices)
                .SetProperty(x => x.BookingCutoffMinutes, draft.BookingCutoffMinutes)
                .SetProperty(x => x.Notes, draft.Notes), ct);
            audit.Record("series.updated", nameof(ClassSeries), seriesId, $"sessions={future.Count}");
            return new ScheduleResult.Saved(seriesId);
        }, ct);
        if (result is ScheduleResult.Saved) await catalog.ChangedAsync();
        return result;
    }

    /// <summary>Occurrence starts in UTC, or null when the RRULE cannot be read. Evaluated in Asia/Tokyo.</summary>
    public static List<DateTime>? Occurrences(SeriesDraft draft)
    {
        // Ical.Net reads an empty rule as "yearly"; a rule must say how often.
        if (!draft.RecurrenceRule.Contains("FREQ=", StringComparison.OrdinalIgnoreCase)) return null;
        RecurrenceRule rule;
        try
        {
            rule = new RecurrenceRule(draft.RecurrenceRule.Trim());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            return null;
        }
        var recurring = new CalendarEvent
        {
            DtStart = new CalDateTime(draft.FirstDate, draft.StartTime, "Asia/Tokyo"),
            Duration = Duration.FromMinutes(draft.DurationMinutes),
            RecurrenceRule = rule,
        };
        var horizon = new CalDateTime(draft.FirstDate.AddYears(1), draft.StartTime, "Asia/Tokyo");
        try
        {
            return recurring.GetOccurrences(null, null)
                .TakeWhile(o => o.Period.StartTime.LessThanOrEqual(horizon))
                // Enough for the most classes one series makes with as many days skipped, and one more to see it is over.
                .Take(MaxOccurrences * 2 + 1)
                .Select(o => DateTime.SpecifyKind(o.Period.StartTime.AsUtc, DateTimeKind.Utc))
                .ToList();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Everyone holding a seat, and every supporter, gets the invitation again with the new SEQUENCE.</summary>
    private async Task NotifyMovedAsync(int sessionId, CancellationToken ct)
    {
        var seated = await db.Bookings
            .Where(b => b.ClassSessionId == sessionId && b.Status == BookingStatus.Confirmed)
            .Select(b => b.Code)
            .ToListAsync(ct);
        foreach (var code in seated) await notifier.BookingAsync(code, BookingNotice.Changed, ct);
        foreach (var supporterId in await SupportersOnAsync(sessionId, ct)) await notifier.AssignmentAsync(sessionId, supporterId, cancelled: false, ct);
    }

    /// <summary>
    /// A class moved to a new time keeps its supporters only if each is free then (docs/ARCHITECTURE.md, "Rules" 3): their
    /// time is locked in ascending id order, after the class row the caller holds; the name of the first who is not free.
    /// </summary>
    private async Task<string?> BusySupporterAsync(int sessionId, SessionDraft draft, CancellationToken ct)
    {
        var staff = await db.Assignments.Counted().Where(a => a.ClassSessionId == sessionId).OrderBy(a => a.SupporterId)
            .Select(a => new { a.SupporterId, a.Supporter.Name }).ToListAsync(ct);
        foreach (var supporter in staff)
        {
            if (!await SupporterTime.LockAndCheckFreeAsync(db, supporter.SupporterId, draft.StartsAtUtc, draft.EndsAtUtc, ct, movingSessionId: sessionId))
                return supporter.Name;
        }
        return null;
    }

    private Task<List<int>> SupportersOnAsync(int sessionId, CancellationToken ct) =>
        db.Assignments.Counted().Where(a => a.ClassSessionId == sessionId).Select(a => a.SupporterId).ToListAsync(ct);

    private static SessionDraft ToSessionDraft(SeriesDraft draft, DateTime startUtc) =>
        new(draft.CourseId, draft.VenueId, startUtc, startUtc.AddMinutes(draft.DurationMinutes), draft.Capacity,
            draft.BookingCutoffMinutes, draft.LoanerDevices, draft.Notes);

    private ClassSession NewSession(SessionDraft draft, int? seriesId) => new()
    {
        CourseId = draft.CourseId,
        VenueId = draft.VenueId,
        StartsAtUtc = draft.StartsAtUtc,
        EndsAtUtc = draft.EndsAtUtc,
        BookingClosesAtUtc = draft.StartsAtUtc.AddMinutes(-draft.BookingCutoffMinutes),
        Capacity = draft.Capacity,
        LoanerDevices = draft.LoanerDevices,
        Notes = draft.Notes,
        SeriesId = seriesId,
        CreatedAtUtc = Now,
    };

    private async Task<ScheduleResult.Rejected?> ValidateAsync(SessionDraft draft, CancellationToken ct)
    {
        if (draft.EndsAtUtc <= draft.StartsAtUtc) return new(nameof(SessionDraft.EndsAtUtc), "終了時刻は開始時刻より後にしてください。");
        if (draft.EndsAtUtc - draft.StartsAtUtc > TimeSpan.FromHours(8)) return new(nameof(SessionDraft.EndsAtUtc), "1回の教室は8時間までです。");
        if (draft.StartsAtUtc <= Now) return new(nameof(SessionDraft.StartsAtUtc), "開始日時は今より後にしてください。");
        if (!await db.Courses.AnyAsync(c => c.Id == draft.CourseId, ct)) return new(nameof(SessionDraft.CourseId), "講座を選んでください。");
        var venue = await db.Venues.Where(v => v.Id == draft.VenueId && v.RetiredAtUtc == null).Select(v => new { v.LoanerDevices }).SingleOrDefaultAsync(ct);
        if (venue is null) return new(nameof(SessionDraft.VenueId), "会場を選んでください（使用を終了した会場は選べません）。");
        if (draft.LoanerDevices > venue.LoanerDevices) return new(nameof(SessionDraft.LoanerDevices), $"この会場の貸出端末は{venue.LoanerDevices}台です。");
        return null;
    }
}
