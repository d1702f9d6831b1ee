using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Downloads;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Admin.Pages.Audit;

/// <summary>操作履歴: who changed what and when, newest first, filtered and paged; the same filter as CSV.</summary>
public sealed class IndexModel(AuditTrail trail, ReportDownloads downloads, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public FilterInput Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public Paged<AuditRow> Entries { get; private set; } = Paged<AuditRow>.Empty(AuditTrail.PageSize);

    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>The page's entries in words: the action, who (name and role), and what, linked to its page where it has one.</summary>
    public IReadOnlyList<ShownEntry> Shown { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Filter.From is { } from && Filter.To is { } to && to < from) ModelState.AddModelError("Filter.To", "終わりの日は、始まりの日より後にしてください。");
        Actions = await trail.ActionsAsync(ct);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var filter = Filter.ToFilter();
        if (Format == "csv")
        {
            await downloads.StartCsvAsync(Response, "操作履歴", ct);
            await Core.Reporting.ReportExport.WriteCsvAsync(Response.Body, AuditTrail.Columns, trail.RowsAsync(filter, ct), ct);
            return new EmptyResult();
        }
        if (Format is not null) return BadRequest("形式は csv を指定してください。");
        Entries = await trail.PageAsync(filter, PageNumber, ct);
        Shown = await InWordsAsync(Entries.Items, ct);
        return Page();
    }

    private async Task<IReadOnlyList<ShownEntry>> InWordsAsync(IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        var emails = rows.Select(r => r.Actor).Where(a => a.Contains('@', StringComparison.Ordinal)).Distinct().ToList();
        var userIds = rows.Where(r => r.SubjectType == nameof(AppUser)).Select(r => r.SubjectId).Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => emails.Contains(u.Email!) || userIds.Contains(u.Id))
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(ct);
        var byEmail = people.Where(p => p.Email is not null).ToDictionary(p => p.Email!, StringComparer.OrdinalIgnoreCase);
        var byId = people.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return [.. rows.Select(r =>
        {
            var actor = byEmail.GetValueOrDefault(r.Actor);
            var role = actor?.Roles.OrderBy(name => Roles.All.ToList().IndexOf(name!)).FirstOrDefault();
            var subject = r.SubjectType == nameof(AppUser) && byId.GetValueOrDefault(r.SubjectId) is { } account
                ? account.DisplayName
                : r.SubjectId;
            return new ShownEntry(r, AuditLabels.Action(r.Action), actor?.DisplayName ?? r.Actor,
                role is null ? null : Core.Supporters.SupporterLabels.AccountRole(role), AuditLabels.Subject(r.SubjectType), subject, SubjectUrl(r));
        })];
    }

    /// <summary>Where the subject can be looked at by the reader, if it has a page.</summary>
    private string? SubjectUrl(AuditRow row)
    {
        var id = row.SubjectId;
        var number = int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return row.SubjectType switch
        {
            "Booking" => Url.Page("/Bookings/Index", new { area = "Coordinator", q = id }),
            "ClassSession" when number is { } session => Url.Page("/Classes/Roster", new { area = "Coordinator", id = session }),
            "ClassSeries" when number is { } series => Url.Page("/Classes/Series/Edit", new { area = "Coordinator", id = series }),
            "Supporter" when number is { } supporter => Url.Page("/Supporters/Show", new { area = "Coordinator", id = supporter }),
            "Course" when number is { } course => Url.Page("/Courses/Edit", new { area = "Coordinator", id = course }),
            "Venue" when number is { } venue => Url.Page("/Venues/Edit", new { area = "Coordinator", id = venue }),
            "Participant" when number is { } resident => Url.Page("/Residents/Show", new { area = "Coordinator", id = resident }),
            "ConsultationBooking" => Url.Page("/Consultations/Show", new { area = "Coordinator", code = id }),
            "OutboxMessage" when long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mail) => Url.Page("/Mail/Show", new { area = "Coordinator", id = mail }),
            "AppUser" => Url.Page("/Accounts/Show", new { area = "Admin", id }),
            _ => null,
        };
    }

    public sealed record ShownEntry(AuditRow Row, string Action, string Actor, string? ActorRole, string SubjectType, string Subject, string? SubjectUrl);

    /// <summary>This filter's values as route values, for the download (the page links keep the query as it is).</summary>
    public Dictionary<string, string> DownloadRouteValues(string format)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) values[key] = value;
        }
        Add("Filter.From", Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("Filter.To", Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("Filter.Actor", Filter.Actor);
        Add("Filter.Action", Filter.Action);
        Add("Filter.SubjectType", Filter.SubjectType);
        Add("Filter.SubjectId", Filter.SubjectId);
        Add("format", format);
        return values;
    }

    public sealed class FilterInput
    {
        [Display(Name = "この日から")]
        public DateOnly? From { get; set; }

        [Display(Name = "この日まで")]
        public DateOnly? To { get; set; }

        [StringLength(256, ErrorMessage = "操作した人は256文字以内で入力してください。"), PlainText]
        [Display(Name = "操作した人（メールアドレスの一部でも）")]
        public string? Actor { get; set; }

        [StringLength(64, ErrorMessage = "操作は64文字以内で選んでください。"), RegularExpression(@"^[a-z0-9\-.]*$", ErrorMessage = "操作は一覧から選んでください。")]
        [Display(Name = "操作")]
        public string? Action { get; set; }

        [StringLength(64, ErrorMessage = "対象の種類は64文字以内で入力してください。"), RegularExpression(@"^[A-Za-z]*$", ErrorMessage = "対象の種類は英字で入力してください（例: Booking）。")]
        [Display(Name = "対象の種類（例: Booking）")]
        public string? SubjectType { get; set; }

        [StringLength(64, ErrorMessage = "対象は64文字以内で入力してください。"), PlainText]
        [Display(Name = "対象（予約番号など）")]
        public string? SubjectId { get; set; }

        public AuditFilter ToFilter() => new(From, To, Actor, Action, SubjectType, SubjectId);
    }
}
