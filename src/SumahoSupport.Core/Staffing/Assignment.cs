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

    /// <summary>
    /// Marked by the coordinator when the supporter did not come. A held class counts as worked unless marked, because
    /// coordinators record the exception, not every ordinary day.
    /// </summary>
    public bool Absent { get; set; }
}

public enum AssignmentRole
{
    /// <summary>講師: leads the class; only a Lead supporter may.</summary>
    Lecturer = 0,

    /// <summary>補助: helps attendees one by one.</summary>
    Assistant = 1,
}

public static class AssignmentQueries
{
    /// <summary>Assignments the supporter actually worked: the class has ended, was held, and they were not marked absent.</summary>
    public static IQueryable<Assignment> Worked(this IQueryable<Assignment> assignments, DateTime nowUtc) =>
        assignments.Where(a => a.ClassSession.EndsAtUtc <= nowUtc && a.ClassSession.Status != ClassSessionStatus.Cancelled && !a.Absent);
}
