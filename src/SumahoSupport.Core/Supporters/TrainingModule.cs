namespace SumahoSupport.Core.Supporters;

/// <summary>研修: one item of the supporters' curriculum.</summary>
public sealed class TrainingModule
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public int Minutes { get; set; }

    /// <summary>Percentage needed in the check test; null when the module is an in-person session.</summary>
    public int? PassMarkPercent { get; set; }

    public bool IsRequired { get; set; }
    public bool IsInPerson { get; set; }
    public int Order { get; set; }

    /// <summary>The check test (確認テスト); empty for in-person sessions.</summary>
    public List<TrainingQuestion> Questions { get; set; } = [];
}

/// <summary>One multiple-choice question of a module's check test.</summary>
public sealed class TrainingQuestion
{
    public int Id { get; set; }
    public int TrainingModuleId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }

    /// <summary>The choices, one per line, in the order shown.</summary>
    public required string ChoicesText { get; set; }

    /// <summary>Index (from 0) of the right choice in <see cref="Choices"/>.</summary>
    public int CorrectChoice { get; set; }

    public IReadOnlyList<string> Choices => ChoicesText.Split('\n');
}
