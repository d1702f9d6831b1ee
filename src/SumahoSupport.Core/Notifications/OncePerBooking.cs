using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Notifications;

/// <summary>
/// Scheduled notices (the day-before reminders, the survey request) go to each booking — of a class or a consultation —
/// once, however many app instances run the schedule: each booking is claimed by a conditional UPDATE of its own "sent
/// at" column, and the notice is written in the same transaction as the claim — so a crash leaves it either claimed and
/// queued, or neither.
/// </summary>
public static class OncePerBooking
{
    /// <returns>How many of <paramref name="due"/> this call claimed and <paramref name="send"/> reported as sent.</returns>
    public static async Task<int> SendAsync<TBooking>(
        AppDbContext db, UnitOfWork work, IEnumerable<(int Id, string Code)> due, Expression<Func<TBooking, DateTime?>> claimedAt, DateTime nowUtc,
        Func<string, Task<bool>> send, CancellationToken ct)
        where TBooking : class, IHasId
    {
        var unclaimed = Expression.Lambda<Func<TBooking, bool>>(
            Expression.Equal(claimedAt.Body, Expression.Constant(null, typeof(DateTime?))), claimedAt.Parameters);
        var sent = 0;
        foreach (var (id, code) in due)
        {
            if (await work.RunAsync(async unit =>
                {
                    var claimed = await unit.UpdateAsync(db.Set<TBooking>().Where(b => b.Id == id).Where(unclaimed),
                        b => b.SetProperty(claimedAt, (DateTime?)nowUtc), ct);
                    return claimed == 0 ? unit.Discard(false) : await send(code);
                }, ct)) sent++;
        }
        return sent;
    }
}
