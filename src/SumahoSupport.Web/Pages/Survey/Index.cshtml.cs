using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Web.Pages.Survey;

/// <summary>
/// The survey as a resident sees it from the QR code or the e-mail link: large text, one question per screen, no
/// login. Each answer is saved as it is given, so closing the phone half-way loses nothing, and coming back edits.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(SurveyService surveys) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";

    /// <summary>Which question, from 1; one past the last is the thank-you screen.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public int Step { get; set; } = 1;

    /// <summary>"mail" when opened from the アンケートのお願い e-mail, to count the channel.</summary>
    [BindProperty(SupportsGet = true)] public string? Via { get; set; }

    [BindProperty] public string? Answer { get; set; }

    public SurveyForm Form { get; private set; } = default!;

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public Question? Current => Step >= 1 && Step <= Questions.Count ? Questions[Step - 1] : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Step < 1 || Step > Questions.Count + 1) return RedirectToPage(new { Token, q = 1, Via });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Current is not { } question) return RedirectToPage(new { Token, q = 1, Via });
        if (Form.State != SurveyFormState.Open) return Page();

        var value = Answer?.Trim();
        if (!string.IsNullOrEmpty(value) && !question.Accepts(value))
        {
            ModelState.AddModelError(nameof(Answer), question.IsFreeText
                ? "500文字以内で、記号 < > を使わずにお書きください。"
                : "選びなおしてください。");
            return Page();
        }
        var channel = Via == "mail" ? SurveyChannel.Email : SurveyChannel.Web;
        await surveys.SubmitAsync(Token, question.Apply(Form.Answers, string.IsNullOrEmpty(value) ? null : value), channel, ct);
        return RedirectToPage(new { Token, q = Step + 1, Via });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var form = await surveys.OpenAsync(Token, ct);
        if (form is null) return NotFound();
        Form = form;
        Questions = Question.For(form);
        return null;
    }
}

public enum QuestionKind
{
    Understanding,
    FollowUp,
    Satisfaction,
    CanDoBefore,
    CanDo,
    SomeoneToAsk,

    /// <summary>A question the course added: a choice, or free text.</summary>
    Extra,
    Comment,
}

/// <summary>
/// One screen of the survey: what is asked, the choices, and how an answer changes the saved answers. <see cref="ItemId"/>
/// is the learning goal of a can-do question, or the course's added question.
/// </summary>
public sealed record Question(QuestionKind Kind, string Text, IReadOnlyList<(string Value, string Label)> Choices, int ItemId = 0)
{
    /// <summary>Written answers: the comment, and an added question without choices.</summary>
    public bool IsFreeText => Kind == QuestionKind.Comment || (Kind == QuestionKind.Extra && Choices.Count == 0);

    public static IReadOnlyList<Question> For(SurveyForm form)
    {
        var questions = new List<Question>
        {
            new(QuestionKind.Understanding, form.Wording.Understanding, Numbered(Enum.GetValues<Understanding>(), SurveyLabels.Understanding)),
        };
        // Only after 「あまり」「理解できなかった」: asking everyone would make the survey longer for nothing.
        if (form.Answers.Understanding is { } understanding && !understanding.IsUnderstood())
        {
            questions.Add(new(QuestionKind.FollowUp, "もう一度、ひとりずつの「スマホ相談」や教室で、お手伝いさせてください。市からご案内してもよろしいですか？",
                [("yes", "はい、案内してほしい"), ("no", "いいえ、けっこうです")]));
        }
        if (form.Wording.AsksSatisfaction)
        {
            questions.Add(new(QuestionKind.Satisfaction, form.Wording.Satisfaction,
                [("5", "満足"), ("4", "やや満足"), ("3", "ふつう"), ("2", "やや不満"), ("1", "不満")]));
        }
        var levels = Numbered(Enum.GetValues<CanDoLevel>(), SurveyLabels.CanDo);
        foreach (var (id, text) in form.Goals)
        {
            // A course that compares asks about before the class first, then about now, goal by goal.
            if (form.AsksCanDoBefore)
            {
                questions.Add(new(QuestionKind.CanDoBefore, $"教室の前は、「{text}」ことが、できましたか？", levels, id));
                questions.Add(new(QuestionKind.CanDo, $"教室のあと、今は「{text}」ことが、できますか？", levels, id));
            }
            else
            {
                questions.Add(new(QuestionKind.CanDo, form.Wording.CanDoFor(text), levels, id));
            }
        }
        if (form.Wording.AsksSomeoneToAsk) questions.Add(new(QuestionKind.SomeoneToAsk, form.Wording.SomeoneToAsk, [("yes", "いる"), ("no", "いない")]));
        questions.AddRange(form.Extras.Select(q => new Question(QuestionKind.Extra, q.Text, [.. q.Choices.Select(c => (c, c))], q.Id)));
        if (form.Wording.AsksComment) questions.Add(new(QuestionKind.Comment, form.Wording.Comment, []));
        return questions;
    }

    /// <summary>Each answer as its number (the value posted and typed on paper) and its Japanese wording.</summary>
    private static List<(string Value, string Label)> Numbered<T>(IEnumerable<T> answers, Func<T, string> label) where T : struct, Enum =>
        answers.Select(a => (Convert.ToInt32(a, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), label(a))).ToList();

    public string? Saved(SurveyAnswers answers) => Kind switch
    {
        QuestionKind.Understanding => answers.Understanding is { } u ? ((int)u).ToString(CultureInfo.InvariantCulture) : null,
        QuestionKind.Satisfaction => answers.Satisfaction?.ToString(CultureInfo.InvariantCulture),
        QuestionKind.FollowUp => answers.WantsFollowUp switch { true => "yes", false => "no", null => null },
        QuestionKind.CanDo => answers.CanDo.TryGetValue(ItemId, out var level) ? ((int)level).ToString(CultureInfo.InvariantCulture) : null,
        QuestionKind.CanDoBefore => answers.CanDoBefore?.TryGetValue(ItemId, out var before) == true ? ((int)before).ToString(CultureInfo.InvariantCulture) : null,
        QuestionKind.Extra => answers.Extra?.GetValueOrDefault(ItemId),
        QuestionKind.SomeoneToAsk => answers.HasSomeoneToAsk switch { true => "yes", false => "no", null => null },
        _ => answers.Comment,
    };

    public bool Accepts(string value) => IsFreeText
        ? value.Length <= 500 && value.All(c => c is not '<' and not '>' && (!char.IsControl(c) || c is '\r' or '\n'))
        : Choices.Any(c => c.Value == value);

    /// <summary>The saved answers with this question's answer replaced (null: left blank).</summary>
    public SurveyAnswers Apply(SurveyAnswers answers, string? value) => Kind switch
    {
        QuestionKind.Understanding => answers with { Understanding = value is null ? null : (Understanding)int.Parse(value, CultureInfo.InvariantCulture) },
        QuestionKind.Satisfaction => answers with { Satisfaction = value is null ? null : int.Parse(value, CultureInfo.InvariantCulture) },
        QuestionKind.FollowUp => answers with { WantsFollowUp = value is null ? null : value == "yes" },
        QuestionKind.CanDo => answers with { CanDo = WithGoal(answers.CanDo, value) },
        QuestionKind.CanDoBefore => answers with { CanDoBefore = WithGoal(answers.CanDoBefore ?? new Dictionary<int, CanDoLevel>(), value) },
        QuestionKind.Extra => answers with { Extra = WithExtra(answers.Extra ?? new Dictionary<int, string>(), value) },
        QuestionKind.SomeoneToAsk => answers with { HasSomeoneToAsk = value is null ? null : value == "yes" },
        _ => answers with { Comment = value },
    };

    private Dictionary<int, CanDoLevel> WithGoal(IReadOnlyDictionary<int, CanDoLevel> canDo, string? value)
    {
        var changed = canDo.ToDictionary(c => c.Key, c => c.Value);
        if (value is null) changed.Remove(ItemId);
        else changed[ItemId] = (CanDoLevel)int.Parse(value, CultureInfo.InvariantCulture);
        return changed;
    }

    private Dictionary<int, string> WithExtra(IReadOnlyDictionary<int, string> extra, string? value)
    {
        var changed = extra.ToDictionary(e => e.Key, e => e.Value);
        if (value is null) changed.Remove(ItemId);
        else changed[ItemId] = value;
        return changed;
    }
}
