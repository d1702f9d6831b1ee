using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Supporters;

/// <summary>
/// The guard that keeps a supporter in one place at a time. A class assignment and a consultation for the same
/// supporter are different rows in different tables, so no unique index can see both; instead every write that gives a
/// supporter time (booking or reassigning a consultation, putting them on a class) first takes a lock named after the
/// supporter, then checks what they already do. Two such writes at the same moment on a server database run one after
/// the other, and the second sees the first (docs/ARCHITECTURE.md, "Concurrency").
/// </summary>
public static class SupporterTime
{
    /// <summary>
    /// Locks <paramref name="supporterId"/>'s time until the current transaction ends and answers whether they are free
    /// for the whole of [start, end), not counting what is being moved: <paramref name="movingConsultationId"/> (a
    /// consultation given to them) or <paramref name="movingSessionId"/> (a class they are on, moved to a new time).
    /// Callers locking several supporters take them in ascending id order, so two such writes cannot deadlock.
    /// </summary>
    public static async Task<bool> LockAndCheckFreeAsync(
        AppDbContext db, int supporterId, DateTime startUtc, DateTime endUtc, CancellationToken ct,
        int? movingConsultationId = null, int? movingSessionId = null)
    {
        await db.Database.LockAsync($"supporter-time:{supporterId}", ct);
        var inClass = await db.Assignments.Counted().AnyAsync(a => a.SupporterId == supporterId && a.ClassSessionId != movingSessionId
            && a.ClassSession.Status != ClassSessionStatus.Cancelled
            && a.ClassSession.StartsAtUtc < endUtc && a.ClassSession.EndsAtUtc > startUtc, ct);
        return !inClass && !await db.ConsultationBookings.AnyAsync(b => b.SupporterId == supporterId && b.Id != movingConsultationId
            && (b.Status == ConsultationStatus.Confirmed || b.Status == ConsultationStatus.Attended)
            && b.StartsAtUtc < endUtc && b.EndsAtUtc > startUtc, ct);
    }
}
