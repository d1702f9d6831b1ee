using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Classes;

/// <summary>Everything a resident reads before booking one class, projected in one query.</summary>
public sealed record ClassDetails(
    int Id, int VenueId, string Title, string Summary, string Topic, CourseLevel Level, TargetOs TargetOs,
    IReadOnlyList<string> Goals, DateTime StartsAtUtc, DateTime EndsAtUtc, string? Notes, int LoanerDevices,
    string VenueName, string VenueAddress, string? VenueAccess, string? VenueBarrierFree, bool VenueHasWifi,
    int StaffCount, SeatAvailability Seats)
{
    public static async Task<ClassDetails?> FindAsync(AppDbContext db, int id, DateTime nowUtc, CancellationToken ct)
    {
        var row = await db.ClassSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id, s.VenueId, s.Course.Title, s.Course.Summary, s.Course.Topic, s.Course.Level, s.Course.TargetOs,
                Goals = s.Course.LearningGoals.OrderBy(g => g.Order).Select(g => g.Text).ToList(),
                s.StartsAtUtc, s.EndsAtUtc, s.Notes, s.LoanerDevices,
                VenueName = s.Venue.Name, s.Venue.Address, s.Venue.Access, s.Venue.BarrierFreeNotes, s.Venue.HasWifi,
                StaffCount = s.Assignments.Count, s.Status, s.Capacity, s.Confirmed, s.BookingClosesAtUtc,
            })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new ClassDetails(
            row.Id, row.VenueId, row.Title, row.Summary, row.Topic, row.Level, row.TargetOs, row.Goals, row.StartsAtUtc, row.EndsAtUtc,
            row.Notes, row.LoanerDevices, row.VenueName, row.Address, row.Access, row.BarrierFreeNotes, row.HasWifi,
            row.StaffCount, SeatAvailability.Of(row.Status, row.Capacity, row.Confirmed, row.BookingClosesAtUtc, nowUtc));
    }

    /// <summary>A map search for the address; works on any phone without an API key.</summary>
    public string MapUrl => MapLink.For(VenueAddress);
}
