using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Notifications;

/// <summary>
/// Scheduled notices (the day-before reminder, the survey request) go to each booking once, however many app
/// instances run the schedule: each booking is claimed by a conditional UPDATE of its own "sent at" column, and the
/// notice is written in the same transaction as the claim — so a crash leaves it either claimed and queued, or neither.
/// </summary>
public static class OncePerBooking
{
    /// <returns>How many of <paramref name="due"/> this call claimed and <paramref name="send"/> reported as sent.</returns>
    public static async Task<int> SendAsync(
        AppDbContext db, IEnumerable<(int Id, string Code)> due, Expression<Func<Booking, DateTime?>> claimedAt, DateTime nowUtc,
        Func<string, Task<bool>> send, CancellationToken ct)
    {
        var unclaimed = Expression.Lambda<Func<Booking, bool>>(
            Expression.Equal(claimedAt.Body, Expression.Constant(null, typeof(DateTime?))), claimedAt.Parameters);
        var sent = 0;
        foreach (var (id, code) in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Bookings.Where(b => b.Id == id).Where(unclaimed)
                .ExecuteUpdateAsync(b => b.SetProperty(claimedAt, (DateTime?)nowUtc), ct);
            if (claimed == 0) continue;
            if (await send(code)) sent++;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return sent;
    }
}
