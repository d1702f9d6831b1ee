using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>
/// 紙のアンケート入力: a coordinator types a pile of paper forms with the number keys only — one digit per box, Enter
/// saves and the cursor is back on the first box for the next sheet — or, when the sheets are not kept, the counts
/// per answer (集計入力).
/// </summary>
public sealed class SurveysModel(AppDbContext db, SurveyService surveys) : PageModel
{
    [BindProperty] public PaperInput Paper { get; set; } = new();

    [BindProperty] public TallyInput Tally { get; set; } = new();

    public SessionHeader Session { get; private set; } = default!;

    public PaperForm Form { get; private set; } = default!;

    /// <summary>The question an added-question box belongs to, for the label beside it.</summary>
    public ExtraQuestionView? ExtraQuestion(int questionId) => Form.Extras.FirstOrDefault(q => q.Id == questionId);

    /// <summary>The goal a can-do box belongs to, for the label beside it.</summary>
    public string GoalText(int goalId) => Form.Goals.FirstOrDefault(g => g.Id == goalId).Text ?? "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Paper.CanDo = [.. Form.CanDoBoxes.Select(box => new CanDoBox { GoalId = box.GoalId, Before = box.Before })];
        Paper.Extra = [.. Form.Extras.Select(q => new ExtraBox { QuestionId = q.Id })];
        Tally = TallyInput.From(Form.Tallies);
        return Page();
    }

    public async Task<IActionResult> OnPostPaperAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.IsValid)
        {
            switch (await surveys.EnterPaperAsync(id, Paper.ToSheet(), ct))
            {
                case DraftResult.Saved entered:
                    TempData["StatusMessage"] = $"紙のアンケートを1枚入力しました（この教室の紙の回答 {entered.Id}枚）。続けて次の用紙を入力できます。";
                    // No #fragment here: a page opened at a fragment ignores autofocus, and the cursor must be back on the first box.
                    return RedirectToPage(new { id });
                case DraftResult.Rejected rejected:
                    ModelState.AddProblems(nameof(Paper), rejected.Problems);
                    break;
            }
        }
        Tally = TallyInput.From(Form.Tallies);
        return Page();
    }

    public async Task<IActionResult> OnPostTallyAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        switch (await surveys.EnterTallyAsync(id, Tally.ToCounts(), User.Identity?.Name ?? "", ct))
        {
            case DraftResult.Rejected rejected:
                ModelState.AddProblems(nameof(Tally), rejected.Problems);
                return Page();
            case DraftResult.Saved saved:
                TempData["StatusMessage"] = $"集計を保存しました（{saved.Id}枚分）。";
                return RedirectToPage(null, null, new { id }, "tally");
            default:
                throw new UnreachableException();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await SessionHeader.FindAsync(db, id, ct) is not { } session || await surveys.PaperFormAsync(id, ct) is not { } form) return false;
        (Session, Form) = (session, form);
        return true;
    }

    /// <summary>One paper form: each box takes the number printed beside the answer; a blank box is 無回答.</summary>
    public sealed class PaperInput
    {
        [Range(1, 4, ErrorMessage = "理解度は 1〜4 の数字で入力してください。")]
        [Display(Name = "Q1 理解度（1〜4）")]
        public int? Understanding { get; set; }

        [Range(1, 5, ErrorMessage = "満足度は 1〜5 の数字で入力してください。")]
        [Display(Name = "Q2 満足度（1〜5）")]
        public int? Satisfaction { get; set; }

        /// <summary>Q3, one box per learning goal of the course.</summary>
        public List<CanDoBox> CanDo { get; set; } = [];

        /// <summary>The course's own questions: the number of the answer, or what was written.</summary>
        public List<ExtraBox> Extra { get; set; } = [];

        [Range(1, 2, ErrorMessage = "相談できる人は 1（いる）か 2（いない）で入力してください。")]
        [Display(Name = "Q4 相談できる人（1 いる・2 いない）")]
        public int? SomeoneToAsk { get; set; }

        [Range(1, 5, ErrorMessage = "年代は 1〜5 の数字で入力してください。")]
        [Display(Name = "年代（1 59歳以下・2 60代・3 70代・4 80代・5 90歳以上）")]
        public int? AgeBand { get; set; }

        [Range(1, 3, ErrorMessage = "端末は 1〜3 の数字で入力してください。")]
        [Display(Name = "端末（1 Android・2 iPhone・3 持っていない）")]
        public int? Device { get; set; }

        [StringLength(1000, ErrorMessage = "ご意見・ご感想は1000文字以内で入力してください。")]
        [PlainText(AllowLineBreaks = true)]
        [Display(Name = "Q5 ご意見・ご感想")]
        public string? Comment { get; set; }

        public PaperSheet ToSheet() => new(
            Understanding, Satisfaction, [.. CanDo.Select(c => new PaperCanDoBox(c.GoalId, c.Before, c.Level))],
            [.. Extra.Select(e => new PaperExtraBox(e.QuestionId, e.Value))], SomeoneToAsk, AgeBand, Device, Comment);
    }

    /// <summary>One of the course's added questions on paper: the answer's number for a choice, the words for a written one.</summary>
    public sealed class ExtraBox
    {
        public int QuestionId { get; set; }

        [StringLength(Core.Surveys.ExtraQuestion.MaxAnswerLength, ErrorMessage = "答えは500文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "追加の質問の答え")]
        public string? Value { get; set; }
    }

    /// <summary>Q3 for one learning goal: 1 ひとりでできる, 2 手伝いがあればできる, 3 まだできない.</summary>
    public sealed class CanDoBox
    {
        public int GoalId { get; set; }

        /// <summary>The box about before the class.</summary>
        public bool Before { get; set; }

        [Range(1, 3, ErrorMessage = "「できるようになったこと」は 1〜3 の数字で入力してください。")]
        public int? Level { get; set; }
    }

    /// <summary>集計入力: how many forms gave each answer to Q1.</summary>
    public sealed class TallyInput
    {
        private const string CountMessage = "枚数は 0〜999 の数字で入力してください。";

        [Range(0, 999, ErrorMessage = CountMessage)][Display(Name = "よく理解できた")] public int? WellUnderstood { get; set; }
        [Range(0, 999, ErrorMessage = CountMessage)][Display(Name = "だいたい理解できた")] public int? MostlyUnderstood { get; set; }
        [Range(0, 999, ErrorMessage = CountMessage)][Display(Name = "あまり理解できなかった")] public int? NotReallyUnderstood { get; set; }
        [Range(0, 999, ErrorMessage = CountMessage)][Display(Name = "理解できなかった")] public int? DidNotUnderstand { get; set; }

        public IReadOnlyDictionary<Understanding, int> ToCounts() => new Dictionary<Understanding, int>
        {
            [Core.Surveys.Understanding.WellUnderstood] = WellUnderstood ?? 0,
            [Core.Surveys.Understanding.MostlyUnderstood] = MostlyUnderstood ?? 0,
            [Core.Surveys.Understanding.NotReallyUnderstood] = NotReallyUnderstood ?? 0,
            [Core.Surveys.Understanding.DidNotUnderstand] = DidNotUnderstand ?? 0,
        };

        public static TallyInput From(IReadOnlyDictionary<Understanding, int> counts) => new()
        {
            WellUnderstood = counts.GetValueOrDefault(Core.Surveys.Understanding.WellUnderstood),
            MostlyUnderstood = counts.GetValueOrDefault(Core.Surveys.Understanding.MostlyUnderstood),
            NotReallyUnderstood = counts.GetValueOrDefault(Core.Surveys.Understanding.NotReallyUnderstood),
            DidNotUnderstand = counts.GetValueOrDefault(Core.Surveys.Understanding.DidNotUnderstand),
        };
    }
}
