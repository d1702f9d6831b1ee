using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes.Series;

/// <summary>
/// 担当をまとめて: one supporter and one role for every coming class of a series. The page shows, date by date, whether
/// they are free; the coordinator confirms the dates, and each is assigned as a single class is — every guard checked,
/// each audited and invited — with what could not be done said date by date.
/// </summary>
public sealed class StaffModel(AppDbContext db, StaffingService staffing) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? SupporterId { get; set; }

    [BindProperty(SupportsGet = true)] public AssignmentRole Role { get; set; } = AssignmentRole.Assistant;

    /// <summary>The dates ticked on the confirmation.</summary>
    [BindProperty] public List<int> Sessions { get; set; } = [];

    public string Title { get; private set; } = "";

    public IReadOnlyList<(int Id, string Name, SupporterStatus Status)> Supporters { get; private set; } = [];

    /// <summary>The series' coming classes for the chosen supporter; empty until one is chosen.</summary>
    public IReadOnlyList<SeriesDate> Dates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (SupporterId is { } chosen && Supporters.Any(s => s.Id == chosen)) Dates = await staffing.SeriesDatesAsync(id, chosen, ct);
        else if (SupporterId is not null) ModelState.AddModelError(nameof(SupporterId), "支援員を選び直してください。");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (SupporterId is not { } supporter || Supporters.All(s => s.Id != supporter)) ModelState.AddModelError(nameof(SupporterId), "支援員を選んでください。");
        if (!Enum.IsDefined(Role)) ModelState.AddModelError(nameof(Role), "役割を選んでください。");
        var dates = ModelState.IsValid ? await staffing.SeriesDatesAsync(id, SupporterId!.Value, ct) : [];
        var chosen = dates.Where(d => Sessions.Contains(d.SessionId)).ToList();
        if (ModelState.IsValid && chosen.Count == 0) ModelState.AddModelError(nameof(Sessions), "担当にする日を1日以上選んでください。");
        if (!ModelState.IsValid)
        {
            Dates = dates;
            return Page();
        }

        var done = new List<string>();
        var refused = new List<string>();
        foreach (var date in chosen)
        {
            var result = await staffing.AssignAsync(date.SessionId, SupporterId!.Value, Role, ct);
            (result == AssignResult.Assigned ? done : refused).Add(JapaneseTime.FormatDate(date.StartsAtUtc) + (result == AssignResult.Assigned ? "" : $"（{Why(result)}）"));
        }
        TempData["StatusMessage"] = refused.Count == 0
            ? $"{done.Count}回の教室に担当を登録し、招待を送りました。"
            : $"{done.Count}回の教室に担当を登録しました。次の日は登録できませんでした: {string.Join("、", refused)}";
        return RedirectToPage(new { id, SupporterId, Role });
    }

    private static string Why(AssignResult result) => result switch
    {
        AssignResult.LecturerMustBeLead => "講師はリーダーのみ",
        AssignResult.TraineeNeedsMentor => "研修中の方に付く認定支援員がいない",
        AssignResult.AlreadyAssigned => "すでに担当",
        AssignResult.Busy => "同じ時間に別の担当",
        _ => "担当にできない状態",
    };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var series = await db.ClassSeries.AsNoTracking().Where(s => s.Id == id).Select(s => s.Course.Title).SingleOrDefaultAsync(ct);
        if (series is null) return false;
        Title = series;
        Supporters = (await db.Supporters.AsNoTracking()
                .Where(s => s.Status == SupporterStatus.Trainee || s.Status == SupporterStatus.Certified || s.Status == SupporterStatus.Lead)
                .OrderBy(s => s.Kana).Select(s => new { s.Id, s.Name, s.Status }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name, s.Status)).ToList();
        return true;
    }
}
