using SumahoSupport.Core.Bookings;

namespace SumahoSupport.Core.Classes;

/// <summary>教室（開催回）: one dated occurrence of a <see cref="Course"/> at a <see cref="Venue"/>.</summary>
public sealed class ClassSession
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course Course { get; set; } = default!;
    public int VenueId { get; set; }
    public Venue Venue { get; set; } = default!;

    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }
    public DateTime BookingClosesAtUtc { get; set; }

    public int Capacity { get; set; }

    /// <summary>
    /// Confirmed seats. Changed only in the same transaction as a booking's status, by one conditional
    /// UPDATE that both locks and checks the row (docs/ARCHITECTURE.md, "Rules" 1); the bookings stay the truth.
    /// </summary>
    public int Confirmed { get; set; }

    public int LoanerDevices { get; set; }

    /// <summary>持ち物・注意事項 for this occurrence.</summary>
    public string? Notes { get; set; }

    public ClassSessionStatus Status { get; set; }

    /// <summary>iCalendar SEQUENCE: raised each time the date, time or place changes.</summary>
    public int Sequence { get; set; }

    /// <summary>The recurring series this occurrence came from, if any.</summary>
    public int? SeriesId { get; set; }
    public ClassSeries? Series { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<Booking> Bookings { get; set; } = [];
    public List<Staffing.Assignment> Assignments { get; set; } = [];
}

public enum ClassSessionStatus
{
    Scheduled = 0,
    Cancelled = 1,
}
