using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Classes;

/// <summary>
/// The class row as a lock. Every write that depends on a class's seats, time or staff takes it first, so such writes
/// on one class run one after another on a server database, and in one order: the class row, then any supporter's
/// time (<c>SupporterTime</c>) — never the other way round, so they cannot deadlock (docs/ARCHITECTURE.md, "Concurrency").
/// </summary>
public static class SessionRow
{
    /// <summary>
    /// Locks the row until the current transaction ends, by an UPDATE that changes nothing (the same on every provider);
    /// false when there is no such class.
    /// </summary>
    public static async Task<bool> LockAsync(Unit unit, AppDbContext db, int sessionId, CancellationToken ct) =>
        await unit.UpdateAsync(db.ClassSessions.Where(s => s.Id == sessionId), s => s.SetProperty(x => x.Sequence, x => x.Sequence), ct) == 1;
}
