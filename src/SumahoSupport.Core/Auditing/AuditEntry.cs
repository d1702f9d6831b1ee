namespace SumahoSupport.Core.Auditing;

/// <summary>操作履歴: who changed what, and when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>User name of the staff member, 「住民」 for a resident's own action, or 「システム」.</summary>
    public required string Actor { get; set; }

    /// <summary>Dotted action name, e.g. <c>booking.cancelled</c>.</summary>
    public required string Action { get; set; }

    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public string? Details { get; set; }
}
