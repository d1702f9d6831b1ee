using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Web.Areas.Coordinator.Pages.Dashboard;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.FollowUps;

/// <summary>
/// 理解度フォロー: the people who did not understand their class and asked to be contacted — who to call, what they booked
/// (linked by its 予約番号), and their answer the second time.
/// </summary>
public sealed class IndexModel(AppDbContext db, SurveyFollowUpService followUps, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fy")] public int? Year { get; set; }

    /// <summary>The 予約番号 typed for the follow-up <see cref="LinkingId"/>.</summary>
    [BindProperty] public string? Code { get; set; }

    [BindProperty] public Understanding? Second { get; set; }

    /// <summary>Which row a refused post was about, so its message appears there.</summary>
    public int? LinkingId { get; private set; }

    public int FiscalYear { get; private set; }

    /// <summary>Unfinished follow-ups of earlier years' classes are listed too (only in the current year).</summary>
    public bool ListsEarlierYears { get; private set; }

    public FollowUpFigures Figures { get; private set; } = default!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        FiscalYear = DashboardYear.Resolve(Year, clock);
        Figures = await followUps.FiguresAsync(FiscalYear, ct);
        var (from, until) = Core.Surveys.FiscalYear.UtcRange(FiscalYear);
        // On 1 April last night's follow-ups are last year's: the current year also lists the earlier ones not yet done,
        // so a resident waiting for a call is not lost at the turn of the year.
        var carriesOver = FiscalYear == DashboardYear.Resolve(null, clock);
        Rows = await db.SurveyFollowUps.AsNoTracking()
            .Where(f => (f.Booking.ClassSession.StartsAtUtc >= from && f.Booking.ClassSession.StartsAtUtc < until)
                || (carriesOver && f.Booking.ClassSession.StartsAtUtc < from && (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.Arranged)))
            .OrderBy(f => f.Status).ThenBy(f => f.CreatedAtUtc)
            .Select(f => new Row(
                f.Id, f.Status, f.Booking.Participant.Name, f.Booking.Participant.Kana, f.Booking.Participant.Phone, f.Booking.Participant.Email,
                f.Booking.ClassSession.Course.Title, f.Booking.ClassSession.StartsAtUtc, f.SurveyResponse.Understanding,
                f.ConsultationBooking == null ? null : new Linked(f.ConsultationBooking.Code, "スマホ相談", f.ConsultationBooking.StartsAtUtc, f.ConsultationBooking.Status == ConsultationStatus.Attended),
                f.RepeatBooking == null ? null : new Linked(f.RepeatBooking.Code, f.RepeatBooking.ClassSession.Course.Title, f.RepeatBooking.ClassSession.StartsAtUtc, f.RepeatBooking.Status == BookingStatus.Attended),
                f.SecondUnderstanding, f.CreatedAtUtc))
            .ToListAsync(ct);
        ListsEarlierYears = Rows.Any(r => r.ClassStartsAtUtc < from);
    }

    public async Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct)
    {
        if (!await db.SurveyFollowUps.AnyAsync(f => f.Id == id, ct)) return NotFound();
        var result = string.IsNullOrWhiteSpace(Code) || Code.Length > 20 ? FollowUpLinkResult.NotFound : await followUps.LinkAsync(id, Code, ct);
        if (result == FollowUpLinkResult.Linked)
        {
            TempData["StatusMessage"] = "予約を結びつけました。相談や教室のあとに、2回目の理解度を記録してください。";
            return RedirectToPage(new { fy = Year });
        }
        ModelState.AddModelError(nameof(Code), result switch
        {
            FollowUpLinkResult.NotFound => "その予約番号の予約が見つかりません（例: K7M-4PX）。",
            FollowUpLinkResult.SomeoneElse => "その予約番号は、別の方の予約です。",
            FollowUpLinkResult.NotAFollowUp => "その予約は、キャンセル済みか、理解できなかった教室そのものです。",
            FollowUpLinkResult.Closed => "このフォローは、すでに終わっています（辞退または2回目の回答あり）。",
            _ => throw new UnreachableException(),
        });
        return await RefusedAsync(id, ct);
    }

    public async Task<IActionResult> OnPostSecondAsync(int id, CancellationToken ct)
    {
        if (!await db.SurveyFollowUps.AnyAsync(f => f.Id == id, ct)) return NotFound();
        if (Second is not { } answer || !Enum.IsDefined(answer))
        {
            ModelState.AddModelError(nameof(Second), "2回目の理解度を選んでください。");
            return await RefusedAsync(id, ct);
        }
        if (!await followUps.RecordSecondAnswerAsync(id, answer, ct))
        {
            ModelState.AddModelError(nameof(Second), "相談や教室の予約を結びつけてから記録してください。");
            return await RefusedAsync(id, ct);
        }
        TempData["StatusMessage"] = "2回目の理解度を記録しました。";
        return RedirectToPage(new { fy = Year });
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct)
    {
        TempData["StatusMessage"] = await followUps.DeclineAsync(id, ct) ? "辞退として記録しました。" : "このフォローは、すでに終わっています。";
        return RedirectToPage(new { fy = Year });
    }

    private async Task<IActionResult> RefusedAsync(int id, CancellationToken ct)
    {
        LinkingId = id;
        await OnGetAsync(ct);
        return Page();
    }

    public sealed record Linked(string Code, string Title, DateTime StartsAtUtc, bool Attended);

    public sealed record Row(
        int Id, FollowUpStatus Status, string Name, string Kana, string Phone, string? Email, string ClassTitle, DateTime ClassStartsAtUtc,
        Understanding? FirstAnswer, Linked? Consultation, Linked? Repeat, Understanding? SecondAnswer, DateTime CreatedAtUtc)
    {
        public Linked? Arranged => Consultation ?? Repeat;
    }
}
