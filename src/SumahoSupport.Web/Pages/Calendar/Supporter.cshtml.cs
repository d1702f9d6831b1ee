using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Pages.Calendar;

/// <summary>
/// A supporter's private subscription feed of their assignments. Calendar apps cannot sign in, so the secret in the
/// address is the key; the supporter's page shows it, and it can be issued anew. It stops while the supporter rests.
/// </summary>
[AllowAnonymous]
public sealed class SupporterModel(AppDbContext db, ClassInvitations invitations, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return NotFound();
        var supporter = await db.Supporters.AsNoTracking().Where(s => s.CalendarFeedToken == token && s.Status != SupporterStatus.Inactive).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(ct);
        if (supporter is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-31);
        var events = (await invitations.AssignmentsOfAsync(supporter.Id, since, ct))
            .Select(a => invitations.ForAssignment(a, cancelled: a.SessionStatus == ClassSessionStatus.Cancelled || a.Response == Core.Staffing.AssignmentResponse.Declined));
        var ics = InvitationWriter.WriteFeed($"{supporter.Name}さんの担当", events, now);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }
}
