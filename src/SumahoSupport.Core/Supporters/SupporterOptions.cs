namespace SumahoSupport.Core.Supporters;

/// <summary>The certification rule, set per city under <c>Supporters</c>.</summary>
public sealed class SupporterOptions
{
    public const string Section = "Supporters";

    /// <summary>Classes a Trainee must have assisted (held, not absent) before certification, besides the required modules.</summary>
    public int AssistedClassesForCertification { get; set; } = 3;

    /// <summary>Classes (any role) a Certified supporter must have worked before a coordinator may grant Lead.</summary>
    public int ClassesForLead { get; set; } = 10;

    /// <summary>A certification lasts this long from its issue or last renewal (the annual refresh module).</summary>
    public int CertificationValidMonths { get; set; } = 12;

    /// <summary>Certifications expiring within this many days are listed for coordinators and announced on the supporter's page.</summary>
    public int ExpiryNoticeDays { get; set; } = 60;

    /// <summary>An Applicant or Trainee with no progress for this many days is shown as stuck in the pipeline.</summary>
    public int StuckAfterDays { get; set; } = 45;

    /// <summary>Code of the module whose pass renews a certification.</summary>
    public string RefreshModuleCode { get; set; } = "annual-refresh";
}
