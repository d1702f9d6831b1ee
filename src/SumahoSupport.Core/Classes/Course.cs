namespace SumahoSupport.Core.Classes;

/// <summary>講座: a reusable class menu that dated <see cref="ClassSession"/>s are made from.</summary>
public sealed class Course
{
    public int Id { get; set; }

    /// <summary>Stable key used by the seed files, e.g. <c>line-basics</c>.</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }
    public required string Summary { get; set; }

    /// <summary>The title, summary and things to bring in English, shown to English readers where filled in.</summary>
    public string? TitleEn { get; set; }

    public string? SummaryEn { get; set; }

    public string? ThingsToBringEn { get; set; }

    /// <summary>Theme used to filter classes, e.g. 「LINE・SNS」「行政手続き」.</summary>
    public required string Topic { get; set; }

    public CourseLevel Level { get; set; }
    public TargetOs TargetOs { get; set; }
    public int DurationMinutes { get; set; }
    public int DefaultCapacity { get; set; }

    /// <summary>持ち物 shown on the class page and the 予約票.</summary>
    public string? ThingsToBring { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The survey also asks, per learning goal, whether they could do it before the class (前後比較).</summary>
    public bool AsksCanDoBefore { get; set; }

    /// <summary>Can-do items (「LINEでメッセージを送れる」) the survey asks about, in display order.</summary>
    public List<LearningGoal> LearningGoals { get; set; } = [];

    /// <summary>The survey's wording; null for the standard template.</summary>
    public int? SurveyTemplateId { get; set; }
    public Surveys.SurveyTemplate? SurveyTemplate { get; set; }

    /// <summary>Questions this course adds to its survey, in order.</summary>
    public List<Surveys.ExtraQuestion> ExtraQuestions { get; set; } = [];
}

public sealed class LearningGoal
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}

public enum CourseLevel
{
    Introductory = 0,
    Beginner = 1,
    Intermediate = 2,
}

public enum TargetOs
{
    Any = 0,
    Android = 1,
    IPhone = 2,
}
