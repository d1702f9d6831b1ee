using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;
using SumahoSupport.Web.Downloads;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Consultations.Logs;

/// <summary>
/// Every supporter's 相談記録 for a fiscal year (or only the open follow-ups, of any year), newest first, with CSV / Excel.
/// The records name no resident; the booking code leads to the consultation for whoever must follow up.
/// </summary>
public sealed class IndexModel(AppDbContext db, SupportLogService logs, TimeProvider clock, ReportDownloads downloads) : PageModel
{
    /// <summary>The screen shows a page at a time; the download has them all.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    /// <summary>Only follow-ups still to do, of every year.</summary>
    [BindProperty(SupportsGet = true)] public bool Open { get; set; }

    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public int FiscalYear { get; private set; }

    public Paged<Row> Rows { get; private set; } = Paged<Row>.Empty(PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FiscalYear = DashboardYear.Resolve(Year, clock);
        var (from, until) = Core.Surveys.FiscalYear.UtcRange(FiscalYear);
        var query = db.SupportLogs.AsNoTracking();
        query = Open ? query.Where(l => l.FollowUpNeeded && l.FollowUpDoneAtUtc == null) : query.Where(l => l.HeldAtUtc >= from && l.HeldAtUtc < until);
        var rows = query.OrderByDescending(l => l.HeldAtUtc).ThenByDescending(l => l.Id)
            .Select(l => new Row(
                l.Id, l.HeldAtUtc, l.Mode, l.VenueId == null ? null : db.Venues.Where(v => v.Id == l.VenueId).Select(v => v.Name).FirstOrDefault(),
                db.Supporters.Where(s => s.Id == l.SupporterId).Select(s => s.Name).First(), l.Topics, l.Minutes, l.Resolution,
                l.FollowUpNeeded, l.FollowUpDoneAtUtc, l.ReferredTo, l.Note, l.Booking == null ? null : l.Booking.Code));
        if (await downloads.RequestedAsync(Response, Format, FileTitle, async () => [Table(await rows.ToListAsync(ct))], ct) is { } download)
            return download;
        Rows = await rows.PageAsync(PageNumber, PageSize, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFollowUpDoneAsync(int id, CancellationToken ct)
    {
        TempData["StatusMessage"] = await logs.CloseFollowUpAsync(id, ct) ? "フォローアップを対応済みにしました。" : "このフォローアップは、すでに対応済みです。";
        return RedirectToPage(new { fy = Year, open = Open ? "true" : null });
    }

    private string FileTitle => Open ? "相談記録_フォロー未対応" : $"相談記録_{Core.Surveys.FiscalYear.Name(FiscalYear)}";

    private static ReportTable Table(IEnumerable<Row> rows) => new("相談記録",
        ["日時", "場所", "支援員", "内容", "時間（分）", "結果", "フォロー", "紹介先", "メモ", "予約番号"],
        [.. rows.Select(r => (IReadOnlyList<object?>)[
            Core.Text.JapaneseTime.ToTokyo(r.HeldAtUtc), r.Place, r.SupporterName, ConsultationTopics.Labels(r.Topics), r.Minutes,
            ConsultationLabels.Resolution(r.Resolution), ConsultationLabels.FollowUp(r.FollowUpNeeded, r.FollowUpDoneAtUtc), r.ReferredTo, r.Note, r.BookingCode])]);

    public sealed record Row(
        int Id, DateTime HeldAtUtc, ConsultationMode Mode, string? VenueName, string SupporterName, string Topics, int Minutes, Resolution Resolution,
        bool FollowUpNeeded, DateTime? FollowUpDoneAtUtc, string? ReferredTo, string? Note, string? BookingCode)
    {
        public string Place => VenueName ?? ConsultationLabels.Mode(Mode);

        public bool FollowUpOpen => FollowUpNeeded && FollowUpDoneAtUtc is null;
    }
}
