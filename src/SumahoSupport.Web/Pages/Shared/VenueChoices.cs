using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Shared;

/// <summary>The venues a form offers to choose from, by name: those in use (a retired one is kept for history only).</summary>
public static class VenueChoices
{
    public static async Task<IReadOnlyList<(int Id, string Name)>> LoadAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Venues.AsNoTracking().Where(v => v.RetiredAtUtc == null).OrderBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(ct)).Select(v => (v.Id, v.Name)).ToList();
}
