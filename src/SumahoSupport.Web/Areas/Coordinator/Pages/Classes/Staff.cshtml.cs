using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>担当: puts supporters on a class as 講師 or 補助 and shows whether it is fully staffed.</summary>
public sealed class StaffModel(AppDbContext db, StaffingService staffing, TimeProvider clock) : PageModel
{
    [BindProperty] public int? SupporterId { get; set; }

    [BindProperty] public AssignmentRole Role { get; set; } = AssignmentRole.Assistant;

    public SessionHeader Session { get; private set; } = default!;

    public IReadOnlyList<Member> Assigned { get; private set; } = [];

    /// <summary>Everyone who could be added: suggested ones first (free, right device and status, fewest recent assignments).</summary>
    public IReadOnlyList<StaffCandidate> Candidates { get; private set; } = [];

    /// <summary>After the class, the coordinator marks who did not come; before it, there is nothing to mark.</summary>
    public bool HasEnded { get; private set; }

    public StaffingCheck Check { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await SessionHeader.FindAsync(db, id, ct);
        if (found is null) return NotFound();
        Session = found;
        Assigned = await db.Assignments.AsNoTracking().Where(a => a.ClassSessionId == id)
            .OrderBy(a => a.Role).ThenBy(a => a.Supporter.Kana)
            .Select(a => new Member(a.SupporterId, a.Supporter.Name, a.Supporter.Status, a.Supporter.KnowsAndroid, a.Supporter.KnowsIPhone, a.Role, a.Absent,
                a.Response, a.DeclineReason))
            .ToListAsync(ct);
        Candidates = await staffing.CandidatesAsync(id, ct);
        HasEnded = found.EndsAtUtc <= clock.GetUtcNow().UtcDateTime;
        Check = (await staffing.CheckAsync([id], ct))[id];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (SupporterId is null || !await db.Supporters.AnyAsync(s => s.Id == SupporterId, ct))
            ModelState.AddModelError(nameof(SupporterId), "支援員を選んでください。");
        if (!Enum.IsDefined(Role)) ModelState.AddModelError(nameof(Role), "役割を選んでください。");
        if (!ModelState.IsValid) return await OnGetAsync(id, ct);
        if (await SessionHeader.FindAsync(db, id, ct) is null) return NotFound();

        var result = await staffing.AssignAsync(id, SupporterId!.Value, Role, ct);
        if (result != AssignResult.Assigned)
        {
            ModelState.AddModelError(string.Empty, Refusal(result));
            return await OnGetAsync(id, ct);
        }
        TempData["StatusMessage"] = "担当を登録しました。";
        return RedirectToPage(new { id });
    }

    /// <summary>代わりに入れる: the substitute takes the place and role of a supporter who declined, and is invited.</summary>
    public async Task<IActionResult> OnPostReplaceAsync(int id, int declinedId, int substituteId, CancellationToken ct)
    {
        if (await SessionHeader.FindAsync(db, id, ct) is null) return NotFound();
        if (!await db.Supporters.AnyAsync(s => s.Id == substituteId, ct))
        {
            ModelState.AddModelError(string.Empty, "支援員を選んでください。");
            return await OnGetAsync(id, ct);
        }
        var result = await staffing.ReplaceAsync(id, declinedId, substituteId, ct);
        if (result != AssignResult.Assigned)
        {
            ModelState.AddModelError(string.Empty, Refusal(result));
            return await OnGetAsync(id, ct);
        }
        TempData["StatusMessage"] = "代わりの支援員を担当にし、招待を送りました。";
        return RedirectToPage(new { id });
    }

    private static string Refusal(AssignResult result) => result switch
            {
                AssignResult.LecturerMustBeLead => "講師になれるのは「講師（リーダー）」の支援員だけです。補助として登録してください。",
                AssignResult.TraineeNeedsMentor => "研修中の支援員は、認定支援員か講師が担当に入っている教室でだけ補助ができます。先に認定支援員を登録してください。",
                AssignResult.NotActive => "応募中・休止中の支援員は担当にできません。",
                AssignResult.AlreadyAssigned => "この支援員はすでに担当に入っています。",
                AssignResult.Busy => "この支援員は同じ時間に別の担当（教室・相談）があります。別の支援員を選んでください。",
                _ => throw new UnreachableException(),
            };

    public async Task<IActionResult> OnPostAbsentAsync(int id, int supporterId, bool absent, CancellationToken ct)
    {
        if (await SessionHeader.FindAsync(db, id, ct) is null) return NotFound();
        TempData["StatusMessage"] = await staffing.SetAbsentAsync(id, supporterId, absent, ct)
            ? (absent ? "欠席として記録しました。活動時間と認定の回数に数えません。" : "出席に戻しました。")
            : "変更はありません（教室が終わってから記録できます）。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int supporterId, CancellationToken ct)
    {
        await staffing.RemoveAsync(id, supporterId, ct);
        TempData["StatusMessage"] = "担当から外しました。";
        return RedirectToPage(new { id });
    }

    public sealed record Member(
        int SupporterId, string Name, SupporterStatus Status, bool KnowsAndroid, bool KnowsIPhone, AssignmentRole Role, bool Absent,
        AssignmentResponse Response, string? DeclineReason)
    {
        public string Devices => SupporterLabels.Devices(KnowsAndroid, KnowsIPhone);
    }
}
