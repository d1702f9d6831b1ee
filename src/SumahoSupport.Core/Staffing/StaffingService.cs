using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Supporters;

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
}

/// <summary>Puts supporters on classes; the status gates are checked here, on the server, whatever the page offered.</summary>
public sealed class StaffingService(AppDbContext db, TimeProvider clock, AuditLog audit, Notifier notifier, OutboxSignal outbox)
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

        db.Assignments.Add(new Assignment
        {
            ClassSessionId = sessionId,
            SupporterId = supporterId,
            Role = role,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record("assignment.added", nameof(ClassSession), sessionId, $"supporter={supporterId} role={role}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return AssignResult.AlreadyAssigned;
        }
        await notifier.AssignmentAsync(sessionId, supporterId, cancelled: false, ct);
        await db.SaveChangesAsync(ct);
        outbox.Notify();
        return AssignResult.Assigned;
    }

    public async Task RemoveAsync(int sessionId, int supporterId, CancellationToken ct)
    {
        var assignment = db.Assignments.Where(a => a.ClassSessionId == sessionId && a.SupporterId == supporterId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Raise the invitation's SEQUENCE first, so the CANCEL supersedes the REQUEST the supporter holds.
        if (await assignment.ExecuteUpdateAsync(a => a.SetProperty(x => x.Sequence, x => x.Sequence + 1), ct) == 0) return;
        await notifier.AssignmentAsync(sessionId, supporterId, cancelled: true, ct);
        await assignment.ExecuteDeleteAsync(ct);
        audit.Record("assignment.removed", nameof(ClassSession), sessionId, $"supporter={supporterId}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
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
