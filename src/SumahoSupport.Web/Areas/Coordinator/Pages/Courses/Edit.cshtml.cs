using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Courses;

public sealed class EditModel(AppDbContext db, CourseService courses) : PageModel
{
    [BindProperty] public CourseInput Input { get; set; } = new();

    public int? CourseId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        CourseId = id;
        if (id is null) return Page();
        var course = await db.Courses.AsNoTracking().Include(c => c.LearningGoals).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (course is null) return NotFound();
        Input = new CourseInput
        {
            Title = course.Title, Summary = course.Summary, Topic = course.Topic, Level = course.Level, TargetOs = course.TargetOs,
            DurationMinutes = course.DurationMinutes, DefaultCapacity = course.DefaultCapacity, ThingsToBring = course.ThingsToBring,
            Goals = string.Join("\n", course.LearningGoals.OrderBy(g => g.Order).Select(g => g.Text)), IsActive = course.IsActive,
            AsksCanDoBefore = course.AsksCanDoBefore,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        CourseId = id;
        if (id is not null && !await db.Courses.AnyAsync(c => c.Id == id, ct)) return NotFound();
        var goals = Input.GoalList();
        if (goals.Count == 0) ModelState.AddModelError("Input.Goals", "できるようになることを1つ以上入力してください。");
        if (goals.Count > 10) ModelState.AddModelError("Input.Goals", "できるようになることは10個までにしてください。");
        if (goals.Any(g => g.Length > 200)) ModelState.AddModelError("Input.Goals", "できるようになることは1行200文字以内で入力してください。");
        if (!ModelState.IsValid) return Page();

        var draft = new CourseDraft(Input.Title!.Trim(), Input.Summary!.Trim(), Input.Topic!.Trim(), Input.Level, Input.TargetOs,
            Input.DurationMinutes, Input.DefaultCapacity, string.IsNullOrWhiteSpace(Input.ThingsToBring) ? null : Input.ThingsToBring.Trim(), goals, Input.IsActive, Input.AsksCanDoBefore);
        if (id is null) await courses.CreateAsync(draft, ct);
        else await courses.UpdateAsync(id.Value, draft, ct);
        TempData["StatusMessage"] = "講座を保存しました。";
        return RedirectToPage("Index");
    }

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

        [Required(ErrorMessage = "できるようになることを1つ以上入力してください。"), StringLength(2000), PlainText(AllowLineBreaks = true)]
        [Display(Name = "できるようになること（1行に1つ）")]
        public string? Goals { get; set; }

        [Display(Name = "開講中")]
        public bool IsActive { get; set; } = true;

        public bool AsksCanDoBefore { get; set; }

        public List<string> GoalList() =>
            (Goals ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }
}
