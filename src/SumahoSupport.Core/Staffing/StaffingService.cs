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
        var status = await db.Supporters.Where(s => s.Id == supporterId).Select(s => (SupporterStatus?)s.Status).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"Supporter {supporterId}");
        if (!await db.ClassSessions.AnyAsync(s => s.Id == sessionId, ct)) throw new KeyNotFoundException($"ClassSession {sessionId}");

        if (status is SupporterStatus.Applicant or SupporterStatus.Inactive) return AssignResult.NotActive;
        if (role == AssignmentRole.Lecturer && status != SupporterStatus.Lead) return AssignResult.LecturerMustBeLead;
        if (status == SupporterStatus.Trainee && !await db.Assignments.AnyAsync(a => a.ClassSessionId == sessionId
                && (a.Supporter.Status == SupporterStatus.Certified || a.Supporter.Status == SupporterStatus.Lead), ct))
            return AssignResult.TraineeNeedsMentor;
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
                var time = await db.ClassSessions.Where(s => s.Id == sessionId).Select(s => new { s.StartsAtUtc, s.EndsAtUtc }).SingleAsync(ct);
                if (!await SupporterTime.LockAndCheckFreeAsync(db, supporterId, time.StartsAtUtc, time.EndsAtUtc, ct)) return unit.Discard(AssignResult.Busy);
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
            .Select(a => new { a.SupporterId, a.Supporter.Status }).ToListAsync(ct);
        var hasMentor = onTheClass.Any(a => a.Status is SupporterStatus.Certified or SupporterStatus.Lead);
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
                Staff = s.Assignments.Select(a => new StaffMember(a.Role, a.Supporter.Status)).ToList(),
            })
            .ToListAsync(ct);
        return sessions.ToDictionary(s => s.Id, s => StaffingRule.Evaluate(s.Confirmed, s.Staff));
    }
}
