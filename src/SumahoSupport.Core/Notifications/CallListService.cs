using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Notifications;

/// <summary>Records that a call on the 電話連絡リスト was made, by whom and when.</summary>
public sealed class CallListService(AppDbContext db, UnitOfWork work, AuditLog audit, IActor actor, TimeProvider clock)
{
    public Task<bool> MarkDoneAsync(int callId, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            var done = await unit.UpdateAsync(db.CallTasks.Where(c => c.Id == callId && c.DoneAtUtc == null), c => c
                .SetProperty(x => x.DoneAtUtc, clock.GetUtcNow().UtcDateTime)
                .SetProperty(x => x.DoneBy, actor.Name), ct);
            if (done == 0) return unit.Discard(false);
            audit.Record("call.done", nameof(CallTask), callId);
            return true;
        }, ct);
}
