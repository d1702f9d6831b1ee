using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Notifications;

/// <summary>Records that a call on the 電話連絡リスト was made, by whom and when.</summary>
public sealed class CallListService(AppDbContext db, AuditLog audit, IActor actor, TimeProvider clock)
{
    public async Task<bool> MarkDoneAsync(int callId, CancellationToken ct)
    {
        var done = await db.CallTasks.Where(c => c.Id == callId && c.DoneAtUtc == null).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.DoneAtUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(x => x.DoneBy, actor.Name), ct);
        if (done == 0) return false;
        audit.Record("call.done", nameof(CallTask), callId);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
