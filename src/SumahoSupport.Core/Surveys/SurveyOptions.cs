namespace SumahoSupport.Core.Surveys;

/// <summary><c>Survey:*</c> settings (DESIGN.md §4).</summary>
public sealed class SurveyOptions
{
    public const string Section = "Survey";

    /// <summary>さいたま市's goal: 90% of participants understood their class.</summary>
    public double TargetRate { get; set; } = 0.90;
}
