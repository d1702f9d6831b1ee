using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Auditing;

/// <summary>
/// Adds audit entries to the current unit of work, so an entry is saved in the same transaction as the change
/// it records — or not at all.
/// </summary>
public sealed class AuditLog(AppDbContext db, IActor actor, TimeProvider clock)
{
    public AuditEntry Record(string action, string subjectType, object subjectId, string? details = null)
    {
        var entry = new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor.Name,
            Action = action,
            SubjectType = subjectType,
            SubjectId = Convert.ToString(subjectId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Details = details,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
