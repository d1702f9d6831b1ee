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

    /// <summary>The supporter's answer to the invitation: in the app, or by their calendar's reply (iTIP REPLY).</summary>
    public AssignmentResponse Response { get; set; }

    public DateTime? RespondedAtUtc { get; set; }

    /// <summary>Why they cannot come, as they wrote it; for the coordinator finding a substitute.</summary>
    public string? DeclineReason { get; set; }
}

/// <summary>A supporter's answer to being put on a class (iCalendar PARTSTAT: NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE).</summary>
public enum AssignmentResponse
{
    Pending = 0,
    Accepted = 1,

    /// <summary>They cannot come: the class no longer counts them, and the coordinator is told to find someone else.</summary>
    Declined = 2,

    Tentative = 3,
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
        assignments.Counted().Where(a => a.ClassSession.EndsAtUtc <= nowUtc && a.ClassSession.Status != ClassSessionStatus.Cancelled && !a.Absent);

    /// <summary>Assignments that stand: a declined one holds neither the supporter's time nor a place in the class's staff.</summary>
    public static IQueryable<Assignment> Counted(this IQueryable<Assignment> assignments) =>
        assignments.Where(a => a.Response != AssignmentResponse.Declined);
}
