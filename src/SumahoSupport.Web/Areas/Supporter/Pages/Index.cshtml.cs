using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Areas.Supporter.Pages;

public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CertificationService certification, VolunteerHours hours) : PageModel
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
            .Select(s => new Profile(s.Id, s.Name, s.Status, s.Area, s.KnowsAndroid, s.KnowsIPhone, s.CalendarFeedToken))
            .SingleOrDefaultAsync(ct);
        if (Me is null) return;

        var token = Me.FeedToken;
        if (token is null)
        {
            // The private feed address is issued the first time the supporter looks for it.
            token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            await db.Supporters.Where(s => s.Id == Me.Id && s.CalendarFeedToken == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.CalendarFeedToken, token), ct);
            token = await db.Supporters.Where(s => s.Id == Me.Id).Select(s => s.CalendarFeedToken).SingleAsync(ct);
        }
        FeedUrl = $"{Request.Scheme}://{Request.Host}/Calendar/Supporters/{token}.ics";

        var now = clock.GetUtcNow().UtcDateTime;
        Assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.SupporterId == Me.Id && a.ClassSession.EndsAtUtc > now)
            .OrderBy(a => a.ClassSession.StartsAtUtc)
            .Select(a => new Upcoming(a.ClassSession.Course.Title, a.ClassSession.Venue.Name, a.ClassSession.StartsAtUtc, a.ClassSession.EndsAtUtc, a.Role, a.ClassSession.Status))
            .ToListAsync(ct);
        Progress = await certification.ProgressAsync(Me.Id, ct);
        FiscalYear = Core.Surveys.FiscalYear.Of(JapaneseTime.TodayInTokyo(clock));
        HoursThisYear = (await hours.ForYearAsync(FiscalYear, ct, Me.Id)).SingleOrDefault();
    }

    public sealed record Profile(int Id, string Name, SupporterStatus Status, string? Area, bool KnowsAndroid, bool KnowsIPhone, string? FeedToken);

    public sealed record Upcoming(string Title, string VenueName, DateTime StartsAtUtc, DateTime EndsAtUtc, Core.Staffing.AssignmentRole Role, Core.Classes.ClassSessionStatus Status);
}
