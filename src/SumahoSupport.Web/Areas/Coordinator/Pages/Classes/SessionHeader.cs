using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>Which class a coordinator page is about, shown at its top.</summary>
public sealed record SessionHeader(
    int Id, string Title, string VenueName, DateTime StartsAtUtc, DateTime EndsAtUtc, DateTime BookingClosesAtUtc,
    ClassSessionStatus Status, int Capacity, int Confirmed, int LoanerDevices)
{
    public int SeatsLeft => Math.Max(0, Capacity - Confirmed);

    public static Task<SessionHeader?> FindAsync(AppDbContext db, int id, CancellationToken ct) =>
        db.ClassSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SessionHeader(s.Id, s.Course.Title, s.Venue.Name, s.StartsAtUtc, s.EndsAtUtc, s.BookingClosesAtUtc,
                s.Status, s.Capacity, s.Confirmed, s.LoanerDevices))
            .SingleOrDefaultAsync(ct);
}
