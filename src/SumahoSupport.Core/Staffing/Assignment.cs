using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Core.Staffing;

/// <summary>担当: a supporter working at one class session.</summary>
public sealed class Assignment
{
    public int Id { get; set; }
    public int ClassSessionId { get; set; }
    public ClassSession ClassSession { get; set; } = default!;
    public int SupporterId { get; set; }
    public Supporter Supporter { get; set; } = default!;
    public AssignmentRole Role { get; set; }

    /// <summary>iCalendar SEQUENCE of the supporter's invitation for this class.</summary>
    public int Sequence { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

public enum AssignmentRole
{
    /// <summary>講師: leads the class; only a Lead supporter may.</summary>
    Lecturer = 0,

    /// <summary>補助: helps attendees one by one.</summary>
    Assistant = 1,
}
