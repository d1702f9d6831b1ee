using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Classes;

/// <summary>One row of a class list, projected in SQL; <see cref="Seats"/> is worked out for "now".</summary>
public sealed record ClassListItem(
    int Id, string Title, string Topic, CourseLevel Level, TargetOs TargetOs, string VenueName,
    DateTime StartsAtUtc, DateTime EndsAtUtc, SeatAvailability Seats)
{
    public static async Task<IReadOnlyList<ClassListItem>> UpcomingAsync(
        AppDbContext db, DateTime nowUtc, int take, CancellationToken ct, ClassFilter? filter = null)
    {
        var sessions = db.ClassSessions.AsNoTracking()
            .Where(s => s.Status == ClassSessionStatus.Scheduled && s.StartsAtUtc > nowUtc);
        if (filter is not null) sessions = filter.Apply(sessions);
        var rows = await sessions
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .Take(take)
            .Select(s => new
            {
                s.Id, s.Course.Title, s.Course.Topic, s.Course.Level, s.Course.TargetOs, VenueName = s.Venue.Name,
                s.StartsAtUtc, s.EndsAtUtc, s.Status, s.Capacity, s.Confirmed, s.BookingClosesAtUtc,
            })
            .ToListAsync(ct);
        return rows.Select(r => new ClassListItem(
                r.Id, r.Title, r.Topic, r.Level, r.TargetOs, r.VenueName, r.StartsAtUtc, r.EndsAtUtc,
                SeatAvailability.Of(r.Status, r.Capacity, r.Confirmed, r.BookingClosesAtUtc, nowUtc)))
            .ToList();
    }
}
