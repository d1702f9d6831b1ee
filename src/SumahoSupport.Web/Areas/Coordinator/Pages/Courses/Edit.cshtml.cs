using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Courses;

public sealed class EditModel(AppDbContext db, CourseService courses) : PageModel
{
    [BindProperty] public CourseInput Input { get; set; } = new();

    public int? CourseId { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Templates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        CourseId = id;
        await LoadTemplatesAsync(ct);
        if (id is null) return Page();
        var course = await db.Courses.AsNoTracking().Include(c => c.LearningGoals).Include(c => c.ExtraQuestions).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (course is null) return NotFound();
        Input = new CourseInput
        {
            Title = course.Title, Summary = course.Summary, Topic = course.Topic, Level = course.Level, TargetOs = course.TargetOs,
            DurationMinutes = course.DurationMinutes, DefaultCapacity = course.DefaultCapacity, ThingsToBring = course.ThingsToBring,
            TitleEn = course.TitleEn, SummaryEn = course.SummaryEn, ThingsToBringEn = course.ThingsToBringEn,
            Goals = string.Join("\n", course.LearningGoals.OrderBy(g => g.Order).Select(g => g.Text)), IsActive = course.IsActive,
            AsksCanDoBefore = course.AsksCanDoBefore, SurveyTemplateId = course.SurveyTemplateId,
            ExtraQuestions = CourseDraft.ExtraQuestionLines(course.ExtraQuestions.Where(q => !q.Retired).OrderBy(q => q.Order)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        CourseId = id;
        if (id is not null && !await db.Courses.AnyAsync(c => c.Id == id, ct)) return NotFound();
        await LoadTemplatesAsync(ct);
        if (!ModelState.IsValid) return Page();

        var draft = new CourseDraft(Input.Title!.Trim(), Input.Summary!.Trim(), Input.Topic!.Trim(), Input.Level, Input.TargetOs,
            Input.DurationMinutes, Input.DefaultCapacity, string.IsNullOrWhiteSpace(Input.ThingsToBring) ? null : Input.ThingsToBring.Trim(),
            CourseDraft.GoalsFrom(Input.Goals), Input.IsActive, Input.AsksCanDoBefore, Input.SurveyTemplateId, CourseDraft.ExtraQuestionsFrom(Input.ExtraQuestions),
            new CourseInEnglish(Trimmed(Input.TitleEn), Trimmed(Input.SummaryEn), Trimmed(Input.ThingsToBringEn)));
        if (await courses.SaveAsync(id, draft, ct) is DraftResult.Rejected rejected)
        {
            ModelState.AddProblems(nameof(Input), rejected.Problems);
            return Page();
        }
        TempData["StatusMessage"] = "講座を保存しました。";
        return RedirectToPage("Index");
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task LoadTemplatesAsync(CancellationToken ct) =>
        Templates = (await db.SurveyTemplates.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();

    public sealed class CourseInput
    {
        [Required(ErrorMessage = "講座名を入力してください。"), StringLength(100, ErrorMessage = "講座名は100文字以内で入力してください。"), PlainText]
        [Display(Name = "講座名")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "内容の説明を入力してください。"), StringLength(1000, ErrorMessage = "説明は1000文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "内容の説明")]
        public string? Summary { get; set; }

        [Required(ErrorMessage = "テーマを入力してください。"), StringLength(50, ErrorMessage = "テーマは50文字以内で入力してください。"), PlainText]
        [Display(Name = "テーマ（例: LINE・SNS）")]
        public string? Topic { get; set; }

        [EnumDataType(typeof(CourseLevel), ErrorMessage = "レベルを選び直してください。")]
        [Display(Name = "レベル")]
        public CourseLevel Level { get; set; }

        [EnumDataType(typeof(TargetOs), ErrorMessage = "対象の機種を選び直してください。")]
        [Display(Name = "対象の機種")]
        public TargetOs TargetOs { get; set; }

        [Range(15, 480, ErrorMessage = "時間は15〜480分で入力してください。")]
        [Display(Name = "時間（分）")]
        public int DurationMinutes { get; set; } = 120;

        [Range(1, 200, ErrorMessage = "標準の定員は1〜200人で入力してください。")]
        [Display(Name = "標準の定員")]
        public int DefaultCapacity { get; set; } = 8;

        [StringLength(500, ErrorMessage = "持ち物は500文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "持ち物")]
        public string? ThingsToBring { get; set; }

        [StringLength(100, ErrorMessage = "英語の講座名は100文字以内で入力してください。"), PlainText]
        [Display(Name = "講座名（英語）")]
        public string? TitleEn { get; set; }

        [StringLength(1000, ErrorMessage = "英語の説明は1000文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "内容の説明（英語）")]
        public string? SummaryEn { get; set; }

        [StringLength(500, ErrorMessage = "英語の持ち物は500文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "持ち物（英語）")]
        public string? ThingsToBringEn { get; set; }

        [Required(ErrorMessage = "できるようになることを1つ以上入力してください。"), StringLength(2000), PlainText(AllowLineBreaks = true)]
        [Display(Name = "できるようになること（1行に1つ）")]
        public string? Goals { get; set; }

        [Display(Name = "開講中")]
        public bool IsActive { get; set; } = true;

        public bool AsksCanDoBefore { get; set; }

        /// <summary>Null: the standard template.</summary>
        public int? SurveyTemplateId { get; set; }

        /// <summary>One added question per line: 「質問｜答え1／答え2」 for a choice, the question alone for free text.</summary>
        [StringLength(2000, ErrorMessage = "追加の質問は全部で2000文字以内にしてください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "アンケートの追加の質問（任意・1行に1問）")]
        public string? ExtraQuestions { get; set; }
    }
}
