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
        // The city's words in the reader's language (Languages.Pick); a class's own 持ち物 stays as written unless it is the course's.
        var english = Core.Text.Languages.IsEnglish;
        var row = await db.ClassSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id, s.VenueId,
                Title = english && s.Course.TitleEn != null ? s.Course.TitleEn : s.Course.Title,
                Summary = english && s.Course.SummaryEn != null ? s.Course.SummaryEn : s.Course.Summary,
                s.Course.Topic, s.Course.Level, s.Course.TargetOs,
                Goals = s.Course.LearningGoals.OrderBy(g => g.Order).Select(g => g.Text).ToList(),
                s.StartsAtUtc, s.EndsAtUtc,
                Notes = english && s.Course.ThingsToBringEn != null && s.Notes == s.Course.ThingsToBring ? s.Course.ThingsToBringEn : s.Notes,
                s.LoanerDevices,
                VenueName = english && s.Venue.NameEn != null ? s.Venue.NameEn : s.Venue.Name, s.Venue.Address,
                Access = english && s.Venue.AccessEn != null ? s.Venue.AccessEn : s.Venue.Access, s.Venue.BarrierFreeNotes, s.Venue.HasWifi,
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
