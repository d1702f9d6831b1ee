namespace SumahoSupport.Core.Classes;

/// <summary>
/// A recurring class (「毎週火曜 10:00」「第2火曜」) described by an iCalendar RRULE. Its occurrences are stored as
/// ordinary <see cref="ClassSession"/>s, so each one can be booked, moved or cancelled on its own.
/// </summary>
public sealed class ClassSeries
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course Course { get; set; } = default!;
    public int VenueId { get; set; }
    public Venue Venue { get; set; } = default!;

    /// <summary>RRULE value without the <c>RRULE:</c> prefix, e.g. <c>FREQ=MONTHLY;BYDAY=2TU;COUNT=6</c>.</summary>
    public required string RecurrenceRule { get; set; }

    /// <summary>DTSTART: the first occurrence's start, in UTC.</summary>
    public DateTime FirstStartsAtUtc { get; set; }

    public int DurationMinutes { get; set; }
    public int Capacity { get; set; }
    public int LoanerDevices { get; set; }
    public int BookingCutoffMinutes { get; set; }
    public string? Notes { get; set; }

    /// <summary>Public holidays are skipped unless the coordinator keeps them.</summary>
    public bool KeepHolidays { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
