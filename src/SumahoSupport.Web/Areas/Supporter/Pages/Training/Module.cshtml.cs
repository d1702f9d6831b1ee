using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Areas.Supporter.Pages.Training;

/// <summary>One module: what it covers, and its check test (one radio group per question).</summary>
public sealed class ModuleModel(AppDbContext db, TrainingService training) : PageModel
{
    [BindProperty] public List<TestAnswer> Answers { get; set; } = [];

    public TrainingModule Module { get; private set; } = default!;

    public IReadOnlyList<TrainingQuestion> Questions { get; private set; } = [];

    public ModuleProgress? Progress { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } supporterId) return Forbid();
        var module = await db.TrainingModules.AsNoTracking().Include(m => m.Questions)
            .SingleOrDefaultAsync(m => m.Code == code && !m.IsInPerson && m.Questions.Count > 0, ct);
        if (module is null) return NotFound();
        Module = module;
        Questions = [.. module.Questions.OrderBy(q => q.Order)];
        Progress = (await training.ProgressAsync(supporterId, ct)).Single(p => p.Id == module.Id);
        if (Answers.Count != Questions.Count) Answers = [.. Questions.Select(_ => new TestAnswer())];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var page = await OnGetAsync(code, ct);
        if (page is not PageResult) return page;
        for (var i = 0; i < Questions.Count; i++)
        {
            var choice = Answers[i].Choice;
            if (choice is null || choice < 0 || choice >= Questions[i].Choices.Count)
                ModelState.AddModelError($"Answers[{i}].Choice", $"問{i + 1}の答えを選んでください。");
        }
        if (!ModelState.IsValid) return Page();

        var supporterId = (await db.SupporterIdAsync(User, ct))!.Value;
        var outcome = await training.TakeTestAsync(supporterId, code, [.. Answers.Select(a => a.Choice!.Value)], ct);
        var wrong = outcome.Correct.Select((right, i) => right ? null : $"問{i + 1}").OfType<string>().ToList();
        TempData["StatusMessage"] = outcome.Passed
            ? $"{outcome.ScorePercent}点で合格です。" + (outcome.Issued is { } issued ? $"「{SupporterLabels.Status(issued.Level)}」に認定されました。修了証はマイページから見られます。" : "")
            : $"{outcome.ScorePercent}点でした（合格は{Module.PassMarkPercent}点以上）。間違えた問題: {string.Join("、", wrong)}。内容を読み直して、もう一度受けてください。";
        return RedirectToPage(new { code });
    }

    public sealed class TestAnswer
    {
        public int? Choice { get; set; }
    }
}
