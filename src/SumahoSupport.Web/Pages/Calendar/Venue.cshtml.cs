using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Calendar;

/// <summary>A venue's public calendar feed: its classes from a month ago on, with no one's name in it.</summary>
[AllowAnonymous]
public sealed class VenueModel(AppDbContext db, ClassInvitations invitations, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().Where(v => v.Id == id).Select(v => new { v.Name, v.Address }).SingleOrDefaultAsync(ct);
        if (venue is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-31);
        var sessions = await db.ClassSessions.AsNoTracking()
            .Where(s => s.VenueId == id && s.StartsAtUtc > since)
            .OrderBy(s => s.StartsAtUtc)
            .Select(s => new { s.Id, s.Course.Title, s.StartsAtUtc, s.EndsAtUtc, s.Sequence, s.Status })
            .ToListAsync(ct);
        var events = sessions.Select(s => invitations.ForVenueFeed(s.Id, s.Title, s.StartsAtUtc, s.EndsAtUtc, venue.Name, venue.Address, s.Sequence, s.Status == ClassSessionStatus.Cancelled));
        var ics = InvitationWriter.WriteFeed($"{venue.Name}のスマホ教室", events, now);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }
}
