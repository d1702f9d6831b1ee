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
}
