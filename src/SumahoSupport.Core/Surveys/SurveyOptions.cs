namespace SumahoSupport.Core.Surveys;

/// <summary><c>Survey:*</c> settings (README, "Configuration").</summary>
public sealed class SurveyOptions
{
    public const string Section = "Survey";

    /// <summary>さいたま市's goal: 90% of participants understood their class.</summary>
    public double TargetRate { get; set; } = 0.90;

    /// <summary>
    /// Off (the default), a web or e-mail answer belongs to its class only. On, the city records whose answer it is, for
    /// example to see one person's progress over several classes; the survey then says so before the first question.
    /// </summary>
    public bool LinkResponsesToParticipants { get; set; }

    /// <summary>Tokyo hours in which アンケートのお願い goes out: requests wait for the morning rather than arrive at night.</summary>
    public TimeOnly RequestsFrom { get; set; } = new(9, 0);

    public TimeOnly RequestsUntil { get; set; } = new(20, 0);
}
