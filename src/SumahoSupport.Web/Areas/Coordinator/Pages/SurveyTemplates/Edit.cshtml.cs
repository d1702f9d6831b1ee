using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.SurveyTemplates;

/// <summary>Adds or edits a survey template: the wording of each standard question and which optional ones are asked.</summary>
public sealed class EditModel(AppDbContext db, SurveyTemplateService templates) : PageModel
{
    [BindProperty] public TemplateInput Input { get; set; } = new();

    public int? TemplateId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        TemplateId = id;
        var source = id is null
            ? await db.SurveyTemplates.AsNoTracking().SingleAsync(t => t.Code == SurveyTemplate.StandardCode, ct)
            : await db.SurveyTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (source is null) return NotFound();
        // A new template starts from the standard wording.
        Input = new TemplateInput
        {
            Name = id is null ? null : source.Name, UnderstandingText = source.UnderstandingText, SatisfactionText = source.SatisfactionText,
            CanDoText = source.CanDoText, SomeoneToAskText = source.SomeoneToAskText, CommentText = source.CommentText,
            AsksSatisfaction = source.AsksSatisfaction, AsksSomeoneToAsk = source.AsksSomeoneToAsk, AsksComment = source.AsksComment,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        TemplateId = id;
        if (Input.UnderstandingText is { } q1 && !q1.Contains(SurveyTemplate.ClassPlaceholder, StringComparison.Ordinal))
            ModelState.AddModelError("Input.UnderstandingText", "理解度の質問には、教室の名前が入る {class} を入れてください。");
        if (Input.CanDoText is { } q3 && !q3.Contains(SurveyTemplate.GoalPlaceholder, StringComparison.Ordinal))
            ModelState.AddModelError("Input.CanDoText", "「できるようになったこと」の質問には、その内容が入る {goal} を入れてください。");
        if (!ModelState.IsValid) return Page();
        var saved = await templates.SaveAsync(id, new SurveyTemplateDraft(
            Input.Name!.Trim(), Input.UnderstandingText!.Trim(), Input.SatisfactionText!.Trim(), Input.CanDoText!.Trim(), Input.SomeoneToAskText!.Trim(),
            Input.CommentText!.Trim(), Input.AsksSatisfaction, Input.AsksSomeoneToAsk, Input.AsksComment), ct);
        if (!saved) return NotFound();
        TempData["StatusMessage"] = "アンケートのひな形を保存しました。";
        return RedirectToPage("Index");
    }

    public sealed class TemplateInput
    {
        private const string TooLong = "{0}は200文字以内で入力してください。";

        [Required(ErrorMessage = "ひな形の名前を入力してください。"), StringLength(100, ErrorMessage = "ひな形の名前は100文字以内で入力してください。"), PlainText]
        [Display(Name = "ひな形の名前")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "理解度の質問を入力してください。"), StringLength(SurveyTemplate.MaxTextLength, ErrorMessage = TooLong), PlainText]
        [Display(Name = "Q1 理解度の質問（{class} に教室の名前が入ります）")]
        public string? UnderstandingText { get; set; }

        [Required(ErrorMessage = "満足度の質問を入力してください。"), StringLength(SurveyTemplate.MaxTextLength, ErrorMessage = TooLong), PlainText]
        [Display(Name = "Q2 満足度の質問")]
        public string? SatisfactionText { get; set; }

        [Required(ErrorMessage = "「できるようになったこと」の質問を入力してください。"), StringLength(SurveyTemplate.MaxTextLength, ErrorMessage = TooLong), PlainText]
        [Display(Name = "Q3 できるようになったことの質問（{goal} に各項目が入ります）")]
        public string? CanDoText { get; set; }

        [Required(ErrorMessage = "相談できる人の質問を入力してください。"), StringLength(SurveyTemplate.MaxTextLength, ErrorMessage = TooLong), PlainText]
        [Display(Name = "Q4 相談できる人の質問")]
        public string? SomeoneToAskText { get; set; }

        [Required(ErrorMessage = "ご意見の質問を入力してください。"), StringLength(SurveyTemplate.MaxTextLength, ErrorMessage = TooLong), PlainText]
        [Display(Name = "Q5 ご意見・ご感想の質問")]
        public string? CommentText { get; set; }

        public bool AsksSatisfaction { get; set; } = true;
        public bool AsksSomeoneToAsk { get; set; } = true;
        public bool AsksComment { get; set; } = true;
    }
}
