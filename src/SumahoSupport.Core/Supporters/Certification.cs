namespace SumahoSupport.Core.Supporters;

/// <summary>
/// 認定: one certification (or Lead grant, or renewal) as issued, kept for the 修了証 and the Open Badges assertion even
/// after it expires or is superseded. The supporter's current level is <see cref="Supporter.Status"/>.
/// </summary>
public sealed class Certification
{
    public int Id { get; set; }
    public int SupporterId { get; set; }
    public Supporter Supporter { get; set; } = default!;

    /// <summary><see cref="SupporterStatus.Certified"/> or <see cref="SupporterStatus.Lead"/>.</summary>
    public SupporterStatus Level { get; set; }

    public CertificationBasis Basis { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Unguessable id in the badge's public URL, so assertions cannot be enumerated.</summary>
    public required string PublicId { get; set; }

    public static string NewPublicId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

public enum CertificationBasis
{
    /// <summary>Required modules passed and enough classes assisted as a Trainee.</summary>
    Training = 0,

    /// <summary>The annual refresh module passed: a new year of validity.</summary>
    Renewal = 1,

    /// <summary>Granted Lead by a coordinator.</summary>
    LeadGrant = 2,

    /// <summary>The refresh module passed after the certification had lapsed: the earlier level is restored.</summary>
    Reinstatement = 3,
}
