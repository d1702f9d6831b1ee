using System.Globalization;

namespace SumahoSupport.Core.Surveys;

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
public sealed record SurveyQuestion(QuestionKind Kind, string Text, IReadOnlyList<(string Value, string Label)> Choices, int ItemId = 0)
{
    /// <summary>Written answers: the comment, and an added question without choices.</summary>
    public bool IsFreeText => Kind == QuestionKind.Comment || (Kind == QuestionKind.Extra && Choices.Count == 0);

    /// <summary>The screens of the survey for one form, in order; some appear only after an answer (the follow-up).</summary>
    public static IReadOnlyList<SurveyQuestion> For(SurveyForm form)
    {
        var questions = new List<SurveyQuestion>
        {
            new(QuestionKind.Understanding, form.Wording.Understanding, Numbered(Enum.GetValues<Understanding>(), SurveyLabels.Understanding)),
        };
        // Only after 「あまり」「理解できなかった」: asking everyone would make the survey longer for nothing.
        if (form.Answers.Understanding is { } understanding && !understanding.IsUnderstood())
        {
            questions.Add(new(QuestionKind.FollowUp, SurveyWording.FollowUpQuestion, [("yes", "はい、案内してほしい"), ("no", "いいえ、けっこうです")]));
        }
        if (form.Wording.AsksSatisfaction)
        {
            questions.Add(new(QuestionKind.Satisfaction, form.Wording.Satisfaction,
                [.. Enumerable.Range(1, 5).Reverse().Select(score => (score.ToString(CultureInfo.InvariantCulture), SurveyLabels.Satisfaction(score)))]));
        }
        var levels = Numbered(Enum.GetValues<CanDoLevel>(), SurveyLabels.CanDo);
        foreach (var (id, text) in form.Goals)
        {
            // A course that compares asks about before the class first, then about now, goal by goal.
            if (form.AsksCanDoBefore)
            {
                questions.Add(new(QuestionKind.CanDoBefore, SurveyWording.CanDoBeforeFor(text), levels, id));
                questions.Add(new(QuestionKind.CanDo, SurveyWording.CanDoNowFor(text), levels, id));
            }
            else
            {
                questions.Add(new(QuestionKind.CanDo, form.Wording.CanDoFor(text), levels, id));
            }
        }
        if (form.Wording.AsksSomeoneToAsk) questions.Add(new(QuestionKind.SomeoneToAsk, form.Wording.SomeoneToAsk, [("yes", "いる"), ("no", "いない")]));
        questions.AddRange(form.Extras.Select(q => new SurveyQuestion(QuestionKind.Extra, q.Text, [.. q.Choices.Select(c => (c, c))], q.Id)));
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
