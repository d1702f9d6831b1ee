using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>
/// 紙のアンケート入力: a coordinator types a pile of paper forms with the number keys only — one digit per box, Enter
/// saves and the cursor is back on the first box for the next sheet — or, when the sheets are not kept, the counts
/// per answer (集計入力).
/// </summary>
public sealed class SurveysModel(AppDbContext db, SurveyService surveys, SurveyStatistics statistics, TimeProvider clock) : PageModel
{
    [BindProperty] public PaperInput Paper { get; set; } = new();

    [BindProperty] public TallyInput Tally { get; set; } = new();

    public SessionHeader Session { get; private set; } = default!;

    public IReadOnlyList<(int Id, string Text)> Goals { get; private set; } = [];

    /// <summary>The course's own questions, in the order its survey asks them.</summary>
    public IReadOnlyList<ExtraQuestionView> Extras { get; private set; } = [];

    /// <summary>The question an added-question box belongs to, for the label beside it.</summary>
    public ExtraQuestionView? ExtraQuestion(int questionId) => Extras.FirstOrDefault(q => q.Id == questionId);

    /// <summary>The course asks whether they could do each goal before the class, too.</summary>
    public bool AsksCanDoBefore { get; private set; }

    public IReadOnlyDictionary<SurveyChannel, int> Received { get; private set; } = new Dictionary<SurveyChannel, int>();

    public int Tallied { get; private set; }

    public int Attendees { get; private set; }

    public int TotalReceived => Received.Values.Sum() + Tallied;

    /// <summary>Forms describe a class that took place; before it starts there is nothing to enter.</summary>
    public bool CanEnter => Session.Status == ClassSessionStatus.Scheduled && Session.StartsAtUtc <= clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // In the order the paper form asks: for a course that compares, 「教室の前は」 then 「今は」 for each goal.
        Paper.CanDo = Goals.SelectMany(g => AsksCanDoBefore
            ? new[] { new CanDoBox { GoalId = g.Id, Before = true }, new CanDoBox { GoalId = g.Id } }
            : [new CanDoBox { GoalId = g.Id }]).ToList();
        Paper.Extra = Extras.Select(q => new ExtraBox { QuestionId = q.Id }).ToList();
        Tally = TallyInput.From(await TalliesAsync(id, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostPaperAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEnter) ModelState.AddModelError(string.Empty, "この教室はまだ始まっていないか、中止されたため、アンケートを入力できません。");
        if (Paper.CanDo.Any(box => Goals.All(g => g.Id != box.GoalId) || (box.Before && !AsksCanDoBefore)))
            ModelState.AddModelError(string.Empty, "この講座にない項目が送られました。画面を開き直してください。");
        var extra = Paper.ExtraAnswers(Extras, ModelState);
        if (!ModelState.IsValid)
        {
            Tally = TallyInput.From(await TalliesAsync(id, ct));
            return Page();
        }

        await surveys.EnterPaperAsync(id, Paper.ToAnswers() with { Extra = extra }, (AgeBand)(Paper.AgeBand ?? 0), Paper.DeviceType, ct);
        var entered = await db.SurveyResponses.CountAsync(r => r.ClassSessionId == id && r.Channel == SurveyChannel.Paper, ct);
        TempData["StatusMessage"] = $"紙のアンケートを1枚入力しました（この教室の紙の回答 {entered}枚）。続けて次の用紙を入力できます。";
        // No #fragment here: a page opened at a fragment ignores autofocus, and the cursor must be back on the first box.
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostTallyAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEnter) ModelState.AddModelError(string.Empty, "この教室はまだ始まっていないか、中止されたため、アンケートを入力できません。");
        if (!ModelState.IsValid) return Page();

        await surveys.EnterTallyAsync(id, Tally.ToCounts(), User.Identity?.Name ?? "", ct);
        TempData["StatusMessage"] = $"集計を保存しました（{Tally.ToCounts().Values.Sum()}枚分）。";
        return RedirectToPage(null, null, new { id }, "tally");
    }

    private Task<Dictionary<Understanding, int>> TalliesAsync(int id, CancellationToken ct) =>
        db.UnderstandingTallies.AsNoTracking().Where(t => t.ClassSessionId == id).ToDictionaryAsync(t => t.Answer, t => t.Count, ct);

    /// <summary>The goal a can-do box belongs to, for the label beside it.</summary>
    public string GoalText(int goalId) => Goals.FirstOrDefault(g => g.Id == goalId).Text ?? "";

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await SessionHeader.FindAsync(db, id, ct) is not { } session) return false;
        Session = session;
        Goals = (await db.LearningGoals.AsNoTracking()
                .Where(g => db.ClassSessions.Any(s => s.Id == id && s.CourseId == g.CourseId))
                .OrderBy(g => g.Order)
                .Select(g => new { g.Id, g.Text })
                .ToListAsync(ct))
            .Select(g => (g.Id, g.Text)).ToList();
        AsksCanDoBefore = await db.ClassSessions.Where(s => s.Id == id).Select(s => s.Course.AsksCanDoBefore).SingleAsync(ct);
        Extras = (await db.ExtraQuestions.AsNoTracking().Where(q => !q.Retired && db.ClassSessions.Any(s => s.Id == id && s.CourseId == q.CourseId))
                .OrderBy(q => q.Order).ToListAsync(ct))
            .Select(q => new ExtraQuestionView(q.Id, q.Text, q.ChoiceList)).ToList();
        (Received, Tallied) = await statistics.ReceivedAsync(id, ct);
        Attendees = await db.Bookings.CountAsync(b => b.ClassSessionId == id && b.Status == BookingStatus.Attended, ct);
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

        /// <summary>The added questions' answers as the survey keeps them (the chosen answer's words), or errors on the boxes.</summary>
        public Dictionary<int, string> ExtraAnswers(IReadOnlyList<ExtraQuestionView> questions, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
        {
            var answers = new Dictionary<int, string>();
            for (var i = 0; i < Extra.Count; i++)
            {
                var box = Extra[i];
                if (questions.FirstOrDefault(q => q.Id == box.QuestionId) is not { } question)
                {
                    state.AddModelError(string.Empty, "この講座にない項目が送られました。画面を開き直してください。");
                    continue;
                }
                var value = box.Value?.Normalize(System.Text.NormalizationForm.FormKC).Trim();
                if (string.IsNullOrEmpty(value)) continue;
                if (question.Choices.Count == 0) answers[question.Id] = value;
                else if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= question.Choices.Count)
                    answers[question.Id] = question.Choices[number - 1];
                else state.AddModelError($"Paper.Extra[{i}].Value", $"「{question.Text}」は 1〜{question.Choices.Count} の数字で入力してください。");
            }
            return answers;
        }

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

        public DeviceType? DeviceType => Device switch
        {
            1 => Core.Bookings.DeviceType.Android,
            2 => Core.Bookings.DeviceType.IPhone,
            3 => Core.Bookings.DeviceType.None,
            _ => null,
        };

        public SurveyAnswers ToAnswers() => new(
            (Understanding?)Understanding, Satisfaction,
            SomeoneToAsk switch { 1 => true, 2 => false, _ => null },
            Comment,
            Levels(before: false), CanDoBefore: Levels(before: true));

        private Dictionary<int, CanDoLevel> Levels(bool before) =>
            CanDo.Where(c => c.Level is not null && c.Before == before).DistinctBy(c => c.GoalId).ToDictionary(c => c.GoalId, c => (CanDoLevel)c.Level!.Value);
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
