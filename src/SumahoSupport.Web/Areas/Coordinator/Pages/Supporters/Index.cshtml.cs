using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Supporters;

/// <summary>支援員の名簿: the pipeline (how many at each step, who is stuck), expiring certifications, and the roster with filters.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IOptions<SupporterOptions> options) : PageModel
{
    /// <summary>Filters arrive in the query string; unknown values are ignored rather than refused, so old links keep working.</summary>
    [BindProperty(SupportsGet = true)] public SupporterStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Device { get; set; }

    /// <summary>活動地域; not named Area, which model binding would fill from the route's area ("Coordinator").</summary>
    [BindProperty(SupportsGet = true)] public string? ActivityArea { get; set; }

    /// <summary>Only those with no class worked and no training done in this many days.</summary>
    [BindProperty(SupportsGet = true)] public int? IdleDays { get; set; }

    public static readonly IReadOnlyList<int> IdleChoices = [30, 90, 180];

    public IReadOnlyDictionary<SupporterStatus, int> Pipeline { get; private set; } = new Dictionary<SupporterStatus, int>();

    public IReadOnlyList<Row> Stuck { get; private set; } = [];

    public IReadOnlyList<Row> Expiring { get; private set; } = [];

    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Roster { get; private set; } = Paged<Row>.Empty(PageSize);

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public int StuckAfterDays => options.Value.StuckAfterDays;

    public int ExpiryNoticeDays => options.Value.ExpiryNoticeDays;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Pipeline = await db.Supporters.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Areas = await db.Supporters.Where(s => s.Area != null).Select(s => s.Area!).Distinct().OrderBy(a => a).ToListAsync(ct);

        var stuckSince = now.AddDays(-options.Value.StuckAfterDays);
        var waitingApplicants = db.Supporters.Where(s => s.Status == SupporterStatus.Applicant && s.CreatedAtUtc < stuckSince);
        var idleTrainees = IdleSince(db.Supporters.Where(s => s.Status == SupporterStatus.Trainee && !s.Certifications.Any() && s.CreatedAtUtc < stuckSince), stuckSince, now);
        Stuck = [.. await Rows(waitingApplicants, now).ToListAsync(ct), .. await Rows(idleTrainees, now).ToListAsync(ct)];
        var soon = now.AddDays(options.Value.ExpiryNoticeDays);
        Expiring = await Rows(db.Supporters.Where(s => (s.Status == SupporterStatus.Certified || s.Status == SupporterStatus.Lead)
                && s.Certifications.Max(c => (DateTime?)c.ExpiresAtUtc) > now && s.Certifications.Max(c => (DateTime?)c.ExpiresAtUtc) <= soon), now)
            .ToListAsync(ct);

        var roster = db.Supporters.AsQueryable();
        if (Status is { } status && Enum.IsDefined(status)) roster = roster.Where(s => s.Status == status);
        if (Device == "android") roster = roster.Where(s => s.KnowsAndroid);
        if (Device == "iphone") roster = roster.Where(s => s.KnowsIPhone);
        if (!string.IsNullOrEmpty(ActivityArea)) roster = roster.Where(s => s.Area == ActivityArea);
        if (IdleDays is { } idle && IdleChoices.Contains(idle))
        {
            roster = IdleSince(roster, now.AddDays(-idle), now);
        }
        Roster = await Rows(roster, now).PageAsync(PageNumber, PageSize, ct);
    }

    /// <summary>Supporters who have neither worked a class nor done any training since <paramref name="since"/>.</summary>
    private IQueryable<Core.Supporters.Supporter> IdleSince(IQueryable<Core.Supporters.Supporter> supporters, DateTime since, DateTime now) =>
        supporters.Where(s => !s.TrainingRecords.Any(r => r.CompletedAtUtc >= since)
            && !db.Assignments.Worked(now).Any(a => a.SupporterId == s.Id && a.ClassSession.EndsAtUtc >= since));

    private IQueryable<Row> Rows(IQueryable<Core.Supporters.Supporter> supporters, DateTime now) =>
        supporters.AsNoTracking().OrderBy(s => s.Kana).ThenBy(s => s.Id)
            .Select(s => new Row(
                s.Id, s.Name, s.Kana, s.Status, s.Area, s.KnowsAndroid, s.KnowsIPhone, s.CreatedAtUtc,
                db.Assignments.Worked(now).Where(a => a.SupporterId == s.Id).Max(a => (DateTime?)a.ClassSession.EndsAtUtc),
                s.TrainingRecords.Max(r => (DateTime?)r.CompletedAtUtc),
                s.Certifications.Max(c => (DateTime?)c.ExpiresAtUtc)));

    public sealed record Row(
        int Id, string Name, string Kana, SupporterStatus Status, string? Area, bool KnowsAndroid, bool KnowsIPhone, DateTime CreatedAtUtc,
        DateTime? LastClassUtc, DateTime? LastTrainingUtc, DateTime? ExpiresAtUtc)
    {
        public DateTime? LastActiveUtc => LastClassUtc > LastTrainingUtc || LastTrainingUtc is null ? LastClassUtc : LastTrainingUtc;

        public string Devices => SupporterLabels.Devices(KnowsAndroid, KnowsIPhone);
    }
}
