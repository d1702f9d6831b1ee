using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Coordinator.Pages;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private const int WeeksAhead = 4;

    public IReadOnlyList<Row> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddDays(7 * WeeksAhead);
        Sessions = await db.ClassSessions.AsNoTracking()
            .Where(s => s.StartsAtUtc > now && s.StartsAtUtc < until)
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .Select(s => new Row(
                s.Id, s.Course.Title, s.Venue.Name, s.StartsAtUtc, s.EndsAtUtc, s.Status, s.Capacity, s.Confirmed,
                s.Bookings.Count(b => b.Status == BookingStatus.Waitlisted)))
            .ToListAsync(ct);
    }

    public sealed record Row(
        int Id, string Title, string VenueName, DateTime StartsAtUtc, DateTime EndsAtUtc, ClassSessionStatus Status,
        int Capacity, int Confirmed, int Waitlisted);
}
