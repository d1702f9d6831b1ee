namespace SumahoSupport.Core.Supporters;

/// <summary>受講記録: one attempt at a module's check test, or attendance at an in-person 研修 recorded by a coordinator.</summary>
public sealed class TrainingRecord
{
    public int Id { get; set; }
    public int SupporterId { get; set; }
    public Supporter Supporter { get; set; } = default!;
    public int TrainingModuleId { get; set; }
    public TrainingModule TrainingModule { get; set; } = default!;
    public TrainingMethod Method { get; set; }

    /// <summary>Share of right answers in the check test; null for in-person attendance.</summary>
    public int? ScorePercent { get; set; }

    public bool Passed { get; set; }

    /// <summary>1 for the first try at this module, 2 for the first retry, …: retries are kept, not overwritten.</summary>
    public int Attempt { get; set; }

    public DateTime CompletedAtUtc { get; set; }
}

public enum TrainingMethod
{
    CheckTest = 0,
    InPerson = 1,
}
