using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Pages.Shared;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Supporters;

/// <summary>One supporter: approve, rest or bring back, grant Lead, record in-person 研修; their progress, availability and hours.</summary>
public sealed class ShowModel(
    AppDbContext db, SupporterService supporters, TrainingService training, CertificationService certification, VolunteerHours hours, TimeProvider clock)
    : PageModel
{
    [BindProperty] public int? ModuleId { get; set; }

    [BindProperty] public DateOnly? AttendedOn { get; set; }

    public Core.Supporters.Supporter Profile { get; private set; } = default!;

    public IReadOnlyList<ModuleProgress> Modules { get; private set; } = [];

    public CertificationProgress Progress { get; private set; } = default!;

    public IReadOnlyList<Certification> Certifications { get; private set; } = [];

    public WeeklyGrid Weekly { get; private set; } = default!;

    public IReadOnlyList<AvailabilityException> DaysOff { get; private set; } = [];

    public int FiscalYear { get; private set; }

    public SupporterHours? Hours { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var profile = await db.Supporters.AsNoTracking().Include(s => s.WeeklyAvailability).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        Modules = await training.ProgressAsync(id, ct);
        Progress = await certification.ProgressAsync(id, ct);
        Certifications = await db.Certifications.AsNoTracking().Where(c => c.SupporterId == id).OrderByDescending(c => c.IssuedAtUtc).ToListAsync(ct);
        Weekly = new WeeklyGrid(null, WeeklyGrid.Keys(profile.WeeklyAvailability.Select(a => new WeeklySlot(a.Weekday, a.StartMinute, a.EndMinute))));
        var today = JapaneseTime.TodayInTokyo(clock);
        DaysOff = await db.AvailabilityExceptions.AsNoTracking().Where(e => e.SupporterId == id && e.Date >= today).OrderBy(e => e.Date).ToListAsync(ct);
        FiscalYear = Core.Surveys.FiscalYear.Of(today);
        Hours = (await hours.ForYearAsync(FiscalYear, ct, id)).SingleOrDefault();
        AttendedOn ??= today;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        if (!await db.Supporters.AnyAsync(s => s.Id == id, ct)) return NotFound();
        var result = await supporters.ApproveAsync(id, ct);
        return await Done(id, result switch
        {
            ApprovalResult.Approved => "承認しました。研修中になり、パスワード設定のご案内をメールで送りました。",
            ApprovalResult.NotApplicant => null,
            ApprovalResult.EmailInUse => "このメールアドレスは職員や他の支援員のアカウントで使われています。応募者に別のアドレスを確認してください。",
            _ => throw new UnreachableException(),
        }, result == ApprovalResult.Approved, ct);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct)
    {
        if (!await db.Supporters.AnyAsync(s => s.Id == id, ct)) return NotFound();
        var ahead = await supporters.DeactivateAsync(id, ct);
        return await Done(id, "休止中にしました。担当の候補には出なくなります。"
            + (ahead > 0 ? $"これからの教室の担当が{ahead}件残っています。各教室の「担当の支援員」で交代の方を決めてください。" : ""), true, ct);
    }

    public async Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct)
    {
        if (!await db.Supporters.AnyAsync(s => s.Id == id, ct)) return NotFound();
        await supporters.ReactivateAsync(id, ct);
        return await Done(id, "活動を再開しました。", true, ct);
    }

    public async Task<IActionResult> OnPostGrantLeadAsync(int id, CancellationToken ct)
    {
        if (!await db.Supporters.AnyAsync(s => s.Id == id, ct)) return NotFound();
        var result = await certification.GrantLeadAsync(id, ct);
        return await Done(id, result switch
        {
            LeadGrantResult.Granted => "講師（リーダー）に任命しました。本人にメールでお知らせしました。",
            LeadGrantResult.NotCertified => "講師（リーダー）に任命できるのは、認定が有効な認定支援員だけです。",
            LeadGrantResult.NotEnoughClasses => "担当した教室の回数が、講師（リーダー）の任命に必要な回数に届いていません。",
            _ => throw new UnreachableException(),
        }, result == LeadGrantResult.Granted, ct);
    }

    public async Task<IActionResult> OnPostRecordInPersonAsync(int id, CancellationToken ct)
    {
        if (!await db.Supporters.AnyAsync(s => s.Id == id, ct)) return NotFound();
        if (ModuleId is null || !await db.TrainingModules.AnyAsync(m => m.Id == ModuleId && m.IsInPerson, ct))
            ModelState.AddModelError(nameof(ModuleId), "対面研修を選んでください。");
        if (AttendedOn is null) ModelState.AddModelError(nameof(AttendedOn), "受講した日を入力してください。");
        if (!ModelState.IsValid) return await OnGetAsync(id, ct);

        var result = await training.RecordInPersonAsync(id, ModuleId!.Value, AttendedOn!.Value, ct);
        if (result != InPersonResult.Recorded)
        {
            ModelState.AddModelError(result == InPersonResult.FutureDate ? nameof(AttendedOn) : nameof(ModuleId), result switch
            {
                InPersonResult.FutureDate => "受講した日は今日以前の日付で入力してください。",
                InPersonResult.AlreadyRecorded => "この研修はすでに受講済みとして記録されています。",
                _ => "対面研修を選んでください。",
            });
            return await OnGetAsync(id, ct);
        }
        TempData["StatusMessage"] = "対面研修の受講を記録しました。";
        return RedirectToPage(new { id });
    }

    /// <summary>PRG on success; a refusal is shown on the page again with a 422 (through the model state).</summary>
    private async Task<IActionResult> Done(int id, string? message, bool succeeded, CancellationToken ct)
    {
        if (succeeded)
        {
            TempData["StatusMessage"] = message;
            return RedirectToPage(new { id });
        }
        ModelState.AddModelError(string.Empty, message ?? "この操作は、いまの区分ではできません。");
        return await OnGetAsync(id, ct);
    }
}
