using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Classes;

/// <summary>One row of a class list, projected in SQL; <see cref="Seats"/> is worked out for "now".</summary>
public sealed record ClassListItem(
    int Id, string Title, string Topic, CourseLevel Level, TargetOs TargetOs, string VenueName,
    DateTime StartsAtUtc, DateTime EndsAtUtc, SeatAvailability Seats)
{
    /// <summary>The first <paramref name="take"/> classes to come.</summary>
    public static Task<IReadOnlyList<ClassListItem>> UpcomingAsync(AppDbContext db, DateTime nowUtc, int take, CancellationToken ct) =>
        PageAsync(Upcoming(db, nowUtc, null), nowUtc, skip: 0, take, ct);

    /// <summary>
    /// One page of the classes to come that match <paramref name="filter"/>, how many match in all, the page shown (a
    /// number past the last shows the last), and when the page next changes by itself (<see cref="ChangesAtUtc"/>).
    /// </summary>
    public static async Task<(Paged<ClassListItem> Page, DateTime? ChangesAtUtc)> PageAsync(
        AppDbContext db, DateTime nowUtc, ClassFilter? filter, int page, int pageSize, CancellationToken ct)
    {
        var sessions = Upcoming(db, nowUtc, filter);
        var total = await sessions.CountAsync(ct);
        page = Paging.Clamp(page, total, pageSize);
        var items = await PageAsync(sessions, nowUtc, (page - 1) * pageSize, pageSize, ct);
        // The count changes when the first matching class starts, which is on page 1 but maybe not on this one.
        var firstStartUtc = page == 1 ? items.FirstOrDefault()?.StartsAtUtc : await sessions.MinAsync(s => (DateTime?)s.StartsAtUtc, ct);
        return (new Paged<ClassListItem>(items, total, page, pageSize), ChangesAtUtc(items, firstStartUtc));
    }

    /// <summary>
    /// When a list of <paramref name="shown"/> rows stops being true with no one changing anything: the first class to
    /// come starts (and leaves every list), or a shown class's booking closes. Null when neither will happen.
    /// </summary>
    public static DateTime? ChangesAtUtc(IReadOnlyList<ClassListItem> shown, DateTime? firstStartUtc) =>
        shown.Select(item => item.Seats.OpenUntilUtc).Append(firstStartUtc).Min();

    private static IQueryable<ClassSession> Upcoming(AppDbContext db, DateTime nowUtc, ClassFilter? filter)
    {
        var sessions = db.ClassSessions.AsNoTracking()
            .Where(s => s.Status == ClassSessionStatus.Scheduled && s.StartsAtUtc > nowUtc);
        return filter is null ? sessions : filter.Apply(sessions);
    }

    private static async Task<IReadOnlyList<ClassListItem>> PageAsync(IQueryable<ClassSession> sessions, DateTime nowUtc, int skip, int take, CancellationToken ct)
    {
        // The city's words in the reader's language, picked by the database (Languages.Pick): the page is cached per language.
        var english = Core.Text.Languages.IsEnglish;
        var rows = await sessions
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .Skip(skip).Take(take)
            .Select(s => new
            {
                s.Id, Title = english && s.Course.TitleEn != null ? s.Course.TitleEn : s.Course.Title, s.Course.Topic, s.Course.Level, s.Course.TargetOs,
                VenueName = english && s.Venue.NameEn != null ? s.Venue.NameEn : s.Venue.Name,
                s.StartsAtUtc, s.EndsAtUtc, s.Status, s.Capacity, s.Confirmed, s.BookingClosesAtUtc,
            })
            .ToListAsync(ct);
        return rows.Select(r => new ClassListItem(
                r.Id, r.Title, r.Topic, r.Level, r.TargetOs, r.VenueName, r.StartsAtUtc, r.EndsAtUtc,
                SeatAvailability.Of(r.Status, r.Capacity, r.Confirmed, r.BookingClosesAtUtc, nowUtc)))
            .ToList();
    }
}
