using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Areas.Supporter.Pages;

public sealed class IndexModel(
    AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CertificationService certification, VolunteerHours hours,
    SupporterService supporters, ISiteLinks links) : PageModel
{
    public Profile? Me { get; private set; }

    public IReadOnlyList<Upcoming> Assignments { get; private set; } = [];

    public string? FeedUrl { get; private set; }

    public CertificationProgress? Progress { get; private set; }

    public int FiscalYear { get; private set; }

    public SupporterHours? HoursThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        Me = await db.Supporters.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => new Profile(s.Id, s.Name, s.Status, s.Area, s.KnowsAndroid, s.KnowsIPhone))
            .SingleOrDefaultAsync(ct);
        if (Me is null) return;

        // The public address, not the Host header of this request, which a proxy or an attacker may have set.
        FeedUrl = links.SupporterFeed(await supporters.FeedTokenAsync(Me.Id, ct));

        var now = clock.GetUtcNow().UtcDateTime;
        Assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.SupporterId == Me.Id && a.ClassSession.EndsAtUtc > now)
            .OrderBy(a => a.ClassSession.StartsAtUtc)
            .Select(a => new Upcoming(a.ClassSessionId, a.ClassSession.Course.Title, a.ClassSession.Venue.Name, a.ClassSession.StartsAtUtc, a.ClassSession.EndsAtUtc, a.Role, a.ClassSession.Status, a.Response))
            .ToListAsync(ct);
        Progress = await certification.ProgressAsync(Me.Id, ct);
        FiscalYear = Core.Surveys.FiscalYear.Of(JapaneseTime.TodayInTokyo(clock));
        HoursThisYear = (await hours.ForYearAsync(FiscalYear, ct, Me.Id)).SingleOrDefault();
    }

    /// <summary>新しいアドレスにする: the old feed address stops working.</summary>
    public async Task<IActionResult> OnPostRenewFeedAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var id = await db.Supporters.Where(s => s.UserId == userId).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (id is null) return NotFound();
        await supporters.RenewFeedTokenAsync(id.Value, ct);
        TempData["StatusMessage"] = "カレンダーのアドレスを新しくしました。前のアドレスはもう使えません。カレンダーに登録し直してください。";
        return RedirectToPage();
    }

    public sealed record Profile(int Id, string Name, SupporterStatus Status, string? Area, bool KnowsAndroid, bool KnowsIPhone);

    public sealed record Upcoming(
        int SessionId, string Title, string VenueName, DateTime StartsAtUtc, DateTime EndsAtUtc, Core.Staffing.AssignmentRole Role,
        Core.Classes.ClassSessionStatus Status, Core.Staffing.AssignmentResponse Response);
}
