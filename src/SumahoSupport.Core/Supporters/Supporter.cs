using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Supporters;

/// <summary>スマホ支援員: a volunteer who assists in classes and consultations.</summary>
public sealed class Supporter
{
    public int Id { get; set; }

    /// <summary>The login account, once the coordinator has approved the application.</summary>
    public string? UserId { get; set; }
    public AppUser? User { get; set; }

    public required string Name { get; set; }
    public required string Kana { get; set; }
    public required string Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>活動地域, e.g. 「中央地区」.</summary>
    public string? Area { get; set; }

    public SupporterStatus Status { get; set; }
    public bool KnowsAndroid { get; set; }
    public bool KnowsIPhone { get; set; }
    public DateTime? CertifiedAtUtc { get; set; }

    /// <summary>What the applicant wrote about themselves and when they can help (応募時のひとこと).</summary>
    public string? ApplicationNote { get; set; }

    public List<WeeklyAvailability> WeeklyAvailability { get; set; } = [];
    public List<AvailabilityException> AvailabilityExceptions { get; set; } = [];
    public List<TrainingRecord> TrainingRecords { get; set; } = [];
    public List<Certification> Certifications { get; set; } = [];

    /// <summary>Secret in the private calendar feed URL of the supporter's assignments.</summary>
    public string? CalendarFeedToken { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Applicant → Trainee → Certified → Lead; only a Lead may be 講師 (docs/ARCHITECTURE.md, "Rules" 3).</summary>
public enum SupporterStatus
{
    Applicant = 0,
    Trainee = 1,
    Certified = 2,
    Lead = 3,
    Inactive = 9,
}
