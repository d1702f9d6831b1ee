namespace SumahoSupport.Core.Surveys;

/// <summary>
/// アンケートのひな形: the wording of the standard questions and which of the optional ones are asked. Q1 理解度 and
/// Q3 (one can-do question per learning goal) are always asked — they are what the city reports. Seeded from
/// <c>seed/survey-templates.json</c> and edited by coordinators; each course uses one (the standard one unless chosen).
/// </summary>
public sealed class SurveyTemplate
{
    /// <summary>The template a course without its own choice uses.</summary>
    public const string StandardCode = "standard";

    /// <summary>Where the class title goes in <see cref="UnderstandingText"/>.</summary>
    public const string ClassPlaceholder = "{class}";

    /// <summary>Where the learning goal goes in <see cref="CanDoText"/>.</summary>
    public const string GoalPlaceholder = "{goal}";

    public const int MaxTextLength = 200;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>Q1, e.g. 「「{class}」の内容は、理解できましたか？」.</summary>
    public required string UnderstandingText { get; set; }

    public required string SatisfactionText { get; set; }

    /// <summary>Q3 for each goal, e.g. 「「{goal}」ことが、できるようになりましたか？」.</summary>
    public required string CanDoText { get; set; }

    public required string SomeoneToAskText { get; set; }
    public required string CommentText { get; set; }

    public bool AsksSatisfaction { get; set; } = true;
    public bool AsksSomeoneToAsk { get; set; } = true;
    public bool AsksComment { get; set; } = true;

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>講座の追加質問: a question one course adds to its survey — a choice among a few answers, or free text.</summary>
public sealed class ExtraQuestion
{
    public const int MaxChoices = 6;
    public const int MaxChoiceLength = 50;
    public const int MaxAnswerLength = 500;

    public int Id { get; set; }
    public int CourseId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }

    /// <summary>The answers to choose from, one per line; null for a free-text question.</summary>
    public string? Choices { get; set; }

    /// <summary>Taken off the course after answers came in: no longer asked, its answers kept.</summary>
    public bool Retired { get; set; }

    public IReadOnlyList<string> ChoiceList => Choices is null ? [] : Choices.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One answer to an <see cref="ExtraQuestion"/>: the chosen answer's text, or what was written.</summary>
public sealed class ExtraAnswer
{
    public long Id { get; set; }
    public long SurveyResponseId { get; set; }
    public int ExtraQuestionId { get; set; }
    public required string Value { get; set; }
}
