using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Staffing;

public enum AssignResult
{
    Assigned,
    AlreadyAssigned,

    /// <summary>Only a Lead may be 講師.</summary>
    LecturerMustBeLead,

    /// <summary>Applicants and inactive supporters do not work in classes.</summary>
    NotActive,

    /// <summary>A Trainee assists only beside a Certified or Lead supporter already on the class.</summary>
    TraineeNeedsMentor,

    /// <summary>Already working at an overlapping time: another class or a consultation.</summary>
    Busy,
}

public enum RespondResult
{
    Recorded,

    /// <summary>They had already answered so.</summary>
    Unchanged,

    NotAssigned,

    /// <summary>The class has started or was cancelled.</summary>
    Closed,

    /// <summary>A calendar's reply to an older invitation (a lower SEQUENCE): the class has moved since it was answered.</summary>
    OutOfDate,

    /// <summary>This calendar reply (its mail) was applied before, by this instance or another.</summary>
    AlreadyApplied,
}

/// <summary>One coming class of a series, and whether a given supporter can take it (<see cref="SupporterConflict.None"/>).</summary>
public sealed record SeriesDate(int SessionId, DateTime StartsAtUtc, DateTime EndsAtUtc, bool AlreadyOn, SupporterConflict Conflict)
{
    public bool Free => !AlreadyOn && Conflict == SupporterConflict.None;
}

/// <summary>A supporter who could be put on a class, with their recent load (assignments in the last 90 days and ahead).</summary>
public sealed record StaffCandidate(
    int SupporterId, string Name, SupporterStatus Status, bool KnowsAndroid, bool KnowsIPhone, int RecentAssignments, SupporterConflict Conflict)
{
    public bool IsSuggested => Conflict == SupporterConflict.None;
}

/// <summary>Puts supporters on classes; the status gates are checked here, on the server, whatever the page offered.</summary>
public sealed class StaffingService(AppDbContext db, UnitOfWork work, TimeProvider clock, AuditLog audit, Notifier notifier, CatalogVersion catalog)
{
    public async Task<AssignResult> AssignAsync(int sessionId, int supporterId, AssignmentRole role, CancellationToken ct)
    {
        if (await RefusalAsync(sessionId, supporterId, role, ct) is { } refused) return refused;
        if (await db.Assignments.AnyAsync(a => a.ClassSessionId == sessionId && a.SupporterId == supporterId, ct))
            return AssignResult.AlreadyAssigned;

        AssignResult result;
        try
        {
            result = await work.RunAsync(async unit =>
            {
                // The class row first, then the supporter's time (SessionRow): the time is read once a move of the class is
                // either committed or waits for us.
                await SessionRow.LockAsync(unit, db, sessionId, ct);
                if (!await AddAsync(unit, sessionId, supporterId, role, ct)) return unit.Discard(AssignResult.Busy);
                return AssignResult.Assigned;
            }, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return AssignResult.AlreadyAssigned;
        }
        if (result == AssignResult.Assigned) await catalog.ChangedAsync(); // the class page says how many staff it has
        return result;
    }

    /// <summary>
    /// 代わりに入れる: a supporter who declined gives their place (and role) to a substitute, in one unit — the substitute
    /// checked and invited as any assignment is, the decliner's calendar event withdrawn.
    /// </summary>
    public async Task<AssignResult> ReplaceAsync(int sessionId, int declinedSupporterId, int substituteId, CancellationToken ct)
    {
        var role = await db.Assignments.Where(a => a.ClassSessionId == sessionId && a.SupporterId == declinedSupporterId && a.Response == AssignmentResponse.Declined)
            .Select(a => (AssignmentRole?)a.Role).SingleOrDefaultAsync(ct);
        if (role is null) return AssignResult.NotActive;
        if (await RefusalAsync(sessionId, substituteId, role.Value, ct) is { } refused) return refused;
        AssignResult result;
        try
        {
            result = await work.RunAsync(async unit =>
            {
                await SessionRow.LockAsync(unit, db, sessionId, ct);
                var declined = db.Assignments.Where(a => a.ClassSessionId == sessionId && a.SupporterId == declinedSupporterId && a.Response == AssignmentResponse.Declined);
                if (await unit.UpdateAsync(declined, a => a.SetProperty(x => x.Sequence, x => x.Sequence + 1), ct) == 0) return unit.Discard(AssignResult.NotActive);
                if (await db.Assignments.AnyAsync(a => a.ClassSessionId == sessionId && a.SupporterId == substituteId, ct)) return unit.Discard(AssignResult.AlreadyAssigned);
                await notifier.AssignmentAsync(sessionId, declinedSupporterId, cancelled: true, ct);
                await unit.DeleteAsync(declined, ct);
                if (!await AddAsync(unit, sessionId, substituteId, role.Value, ct)) return unit.Discard(AssignResult.Busy);
                audit.Record("assignment.replaced", nameof(ClassSession), sessionId, $"supporter={declinedSupporterId} by={substituteId} role={role}");
                return AssignResult.Assigned;
            }, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return AssignResult.AlreadyAssigned;
        }
        if (result == AssignResult.Assigned) await catalog.ChangedAsync();
        return result;
    }

    /// <summary>
    /// 参加 / 不参加 / 未定 from the supporter's class page, or from their calendar's reply <paramref name="byCalendar"/>:
    /// an answer to an older invitation than the one they hold changes nothing, and one mail is applied once, its key
    /// stored in the same transaction. A decline takes them off the class's staff and tells the coordinators; answers are
    /// taken until the class starts.
    /// </summary>
    public async Task<RespondResult> RespondAsync(
        int sessionId, int supporterId, AssignmentResponse response, string? reason, CancellationToken ct, Calendar.CalendarAnswer? byCalendar = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await work.RunAsync(async unit =>
        {
            await SessionRow.LockAsync(unit, db, sessionId, ct);
            var current = await db.Assignments.Where(a => a.ClassSessionId == sessionId && a.SupporterId == supporterId)
                .Select(a => new { a.Response, Sequence = a.Sequence + a.ClassSession.Sequence, a.ClassSession.StartsAtUtc, a.ClassSession.Status })
                .SingleOrDefaultAsync(ct);
            if (current is null) return unit.Discard(RespondResult.NotAssigned);
            if (current.StartsAtUtc <= now || current.Status == ClassSessionStatus.Cancelled) return unit.Discard(RespondResult.Closed);
            if (byCalendar is not null)
            {
                if (byCalendar.Sequence < current.Sequence) return unit.Discard(RespondResult.OutOfDate);
                // Under the class's lock: a second reader of the same mail waits here, then finds the message taken.
                if (await db.InboxMessages.AnyAsync(m => m.MessageKey == byCalendar.MessageKey, ct)) return unit.Discard(RespondResult.AlreadyApplied);
                db.InboxMessages.Add(new Calendar.InboxMessage { MessageKey = byCalendar.MessageKey, ProcessedAtUtc = now, Outcome = Calendar.ReplyOutcome.Recorded });
            }
            if (current.Response == response) return unit.Discard(RespondResult.Unchanged);
            var declined = response == AssignmentResponse.Declined;
            await unit.UpdateAsync(db.Assignments.Where(a => a.ClassSessionId == sessionId && a.SupporterId == supporterId), a => a
                .SetProperty(x => x.Response, response)
                .SetProperty(x => x.RespondedAtUtc, now)
                .SetProperty(x => x.DeclineReason, declined ? reason : null), ct);
            audit.Record(response switch
            {
                AssignmentResponse.Accepted => "assignment.accepted",
                AssignmentResponse.Declined => "assignment.declined",
                _ => "assignment.tentative",
            }, nameof(ClassSession), sessionId, $"supporter={supporterId}" + (byCalendar is null ? "" : " by calendar reply"));
            if (declined) await notifier.AssignmentDeclinedAsync(sessionId, supporterId, reason, ct);
            return RespondResult.Recorded;
        }, ct);
        if (result == RespondResult.Recorded) await catalog.ChangedAsync();
        return result;
    }

    /// <summary>Why a supporter may not take this role on this class, checked before any lock; null when they may.</summary>
    private async Task<AssignResult?> RefusalAsync(int sessionId, int supporterId, AssignmentRole role, CancellationToken ct)
    {
        var status = await db.Supporters.Where(s => s.Id == supporterId).Select(s => (SupporterStatus?)s.Status).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"Supporter {supporterId}");
        if (!await db.ClassSessions.AnyAsync(s => s.Id == sessionId, ct)) throw new KeyNotFoundException($"ClassSession {sessionId}");
        if (status is SupporterStatus.Applicant or SupporterStatus.Inactive) return AssignResult.NotActive;
        if (role == AssignmentRole.Lecturer && status != SupporterStatus.Lead) return AssignResult.LecturerMustBeLead;
        if (status == SupporterStatus.Trainee && !await db.Assignments.Counted().AnyAsync(a => a.ClassSessionId == sessionId
                && (a.Supporter.Status == SupporterStatus.Certified || a.Supporter.Status == SupporterStatus.Lead), ct))
            return AssignResult.TraineeNeedsMentor;
        return null;
    }

    /// <summary>Inside the caller's unit, after the class row is locked: takes the supporter's time and invites them; false when busy.</summary>
    private async Task<bool> AddAsync(Unit unit, int sessionId, int supporterId, AssignmentRole role, CancellationToken ct)
    {
        var time = await db.ClassSessions.Where(s => s.Id == sessionId).Select(s => new { s.StartsAtUtc, s.EndsAtUtc }).SingleAsync(ct);
        if (!await SupporterTime.LockAndCheckFreeAsync(db, supporterId, time.StartsAtUtc, time.EndsAtUtc, ct)) return false;
        db.Assignments.Add(new Assignment
        {
            ClassSessionId = sessionId,
            SupporterId = supporterId,
            Role = role,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record("assignment.added", nameof(ClassSession), sessionId, $"supporter={supporterId} role={role}");
        // Saved before the invitation is written: the same supporter put on twice at once meets the unique index here.
        await unit.SaveAsync(ct);
        await notifier.AssignmentAsync(sessionId, supporterId, cancelled: false, ct);
        return true;
    }

    public async Task RemoveAsync(int sessionId, int supporterId, CancellationToken ct)
    {
        var assignment = db.Assignments.Where(a => a.ClassSessionId == sessionId && a.SupporterId == supporterId);
        var removed = await work.RunAsync(async unit =>
        {
            // Raise the invitation's SEQUENCE first, so the CANCEL supersedes the REQUEST the supporter holds.
            if (await unit.UpdateAsync(assignment, a => a.SetProperty(x => x.Sequence, x => x.Sequence + 1), ct) == 0) return unit.Discard(false);
            await notifier.AssignmentAsync(sessionId, supporterId, cancelled: true, ct);
            await unit.DeleteAsync(assignment, ct);
            audit.Record("assignment.removed", nameof(ClassSession), sessionId, $"supporter={supporterId}");
            return true;
        }, ct);
        if (removed) await catalog.ChangedAsync();
    }

    /// <summary>
    /// Every active supporter not yet on the class: first those free at that time with the right device and status,
    /// fairest first (fewest recent assignments), then the others with the reason they are not suggested.
    /// </summary>
    public async Task<List<StaffCandidate>> CandidatesAsync(int sessionId, CancellationToken ct)
    {
        var session = await db.ClassSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.StartsAtUtc, s.EndsAtUtc, s.Course.TargetOs }).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"ClassSession {sessionId}");
        var onTheClass = await db.Assignments.Where(a => a.ClassSessionId == sessionId)
            .Select(a => new { a.SupporterId, a.Supporter.Status, a.Response }).ToListAsync(ct);
        var hasMentor = onTheClass.Any(a => a.Status is SupporterStatus.Certified or SupporterStatus.Lead && a.Response != AssignmentResponse.Declined);
        var recentFrom = clock.GetUtcNow().UtcDateTime.AddDays(-90);
        var recent = await db.Assignments
            .Where(a => a.ClassSession.Status != ClassSessionStatus.Cancelled && a.ClassSession.StartsAtUtc >= recentFrom)
            .GroupBy(a => a.SupporterId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var availability = await SupporterAvailability.LoadAsync(
            db, [SupporterStatus.Trainee, SupporterStatus.Certified, SupporterStatus.Lead], session.StartsAtUtc, session.EndsAtUtc, ct);

        return [.. availability.Members
            .Where(m => onTheClass.All(a => a.SupporterId != m.Id))
            .Select(m => (m.Kana, Candidate: new StaffCandidate(m.Id, m.Name, m.Status, m.KnowsAndroid, m.KnowsIPhone, recent.GetValueOrDefault(m.Id),
                SupporterAvailability.ConflictOf(m, session.StartsAtUtc, session.EndsAtUtc) switch
                {
                    SupporterConflict.None when !m.Knows(session.TargetOs) => SupporterConflict.WrongDevice,
                    SupporterConflict.None when m.Status == SupporterStatus.Trainee && !hasMentor => SupporterConflict.NeedsMentor,
                    var time => time,
                })))
            .OrderBy(r => r.Candidate.Conflict != SupporterConflict.None).ThenBy(r => r.Candidate.RecentAssignments).ThenBy(r => r.Kana, StringComparer.Ordinal)
            .Select(r => r.Candidate)];
    }

    /// <summary>
    /// Staffing a whole series: each coming class of it, with whether the supporter is free then (their weekly pattern,
    /// days off, other classes and consultations — the same <see cref="SupporterAvailability"/> as one class's candidates).
    /// </summary>
    public async Task<IReadOnlyList<SeriesDate>> SeriesDatesAsync(int seriesId, int supporterId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.ClassSessions.AsNoTracking()
            .Where(s => s.SeriesId == seriesId && s.Status == ClassSessionStatus.Scheduled && s.StartsAtUtc > now)
            .OrderBy(s => s.StartsAtUtc)
            .Select(s => new { s.Id, s.StartsAtUtc, s.EndsAtUtc, s.Course.TargetOs, On = s.Assignments.Any(a => a.SupporterId == supporterId) })
            .ToListAsync(ct);
        if (sessions.Count == 0) return [];
        var availability = await SupporterAvailability.LoadAsync(
            db, [SupporterStatus.Trainee, SupporterStatus.Certified, SupporterStatus.Lead], sessions[0].StartsAtUtc, sessions[^1].EndsAtUtc, ct);
        var member = availability.Members.SingleOrDefault(m => m.Id == supporterId);
        SupporterConflict ConflictAt(DateTime start, DateTime end, TargetOs os)
        {
            if (member is null) return SupporterConflict.NotUsuallyFree; // resting or not yet approved
            var conflict = SupporterAvailability.ConflictOf(member, start, end);
            return conflict == SupporterConflict.None && !member.Knows(os) ? SupporterConflict.WrongDevice : conflict;
        }
        return [.. sessions.Select(s => new SeriesDate(s.Id, s.StartsAtUtc, s.EndsAtUtc, s.On, ConflictAt(s.StartsAtUtc, s.EndsAtUtc, s.TargetOs)))];
    }

    /// <summary>Marks whether a supporter came to a class that has ended; only worked classes count toward hours and certification.</summary>
    public async Task<bool> SetAbsentAsync(int sessionId, int supporterId, bool absent, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await work.RunAsync(async unit =>
        {
            var changed = await unit.UpdateAsync(db.Assignments
                    .Where(a => a.ClassSessionId == sessionId && a.SupporterId == supporterId && a.ClassSession.EndsAtUtc <= now && a.Absent != absent),
                a => a.SetProperty(x => x.Absent, absent), ct);
            if (changed == 0) return unit.Discard(false);
            audit.Record(absent ? "assignment.absent" : "assignment.present", nameof(ClassSession), sessionId, $"supporter={supporterId}");
            return true;
        }, ct);
    }

    /// <summary>The staffing check for many sessions at once, in one query.</summary>
    public async Task<Dictionary<int, StaffingCheck>> CheckAsync(IReadOnlyCollection<int> sessionIds, CancellationToken ct)
    {
        var sessions = await db.ClassSessions.AsNoTracking()
            .Where(s => sessionIds.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.Confirmed,
                Staff = s.Assignments.Where(a => a.Response != AssignmentResponse.Declined).Select(a => new StaffMember(a.Role, a.Supporter.Status)).ToList(),
            })
            .ToListAsync(ct);
        return sessions.ToDictionary(s => s.Id, s => StaffingRule.Evaluate(s.Confirmed, s.Staff));
    }
}
