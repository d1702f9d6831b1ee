using SumahoSupport.Core.Classes;

namespace SumahoSupport.Core.Consultations;

/// <summary>
/// 相談枠の設定: when one-to-one help is offered at a venue, by phone or online — a date range, weekdays and a daily time
/// window cut into slots. The slots themselves are computed, not stored; a booking holds one.
/// </summary>
public sealed class ConsultationSchedule
{
    public int Id { get; set; }
    public ConsultationMode Mode { get; set; }

    /// <summary>The venue for <see cref="ConsultationMode.AtVenue"/>; null by phone or online.</summary>
    public int? VenueId { get; set; }
    public Venue? Venue { get; set; }

    public DateOnly FirstDate { get; set; }
    public DateOnly LastDate { get; set; }

    /// <summary>Bit <c>1 &lt;&lt; (int)DayOfWeek</c> for each weekday offered; 0 when <see cref="RecurrenceRule"/> says which days.</summary>
    public int Weekdays { get; set; }

    /// <summary>
    /// An iCalendar RRULE for the days (e.g. <c>FREQ=MONTHLY;BYDAY=2TU</c>, 毎月第2火曜), counted from
    /// <see cref="FirstDate"/>; null when the weekdays say it.
    /// </summary>
    public string? RecurrenceRule { get; set; }

    /// <summary>Japan time.</summary>
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }

    public int SlotMinutes { get; set; } = 30;

    /// <summary>Time between two slots, for notes and the next person to sit down.</summary>
    public int BufferMinutes { get; set; }

    /// <summary>How many residents can be helped at once (one supporter each).</summary>
    public int Parallel { get; set; } = 1;

    /// <summary>Public holidays are skipped unless this is set.</summary>
    public bool OpenOnHolidays { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public static int WeekdayBits(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (bits, day) => bits | (1 << (int)day));
}

public enum ConsultationMode
{
    /// <summary>会場で: at a venue, face to face.</summary>
    AtVenue = 0,

    /// <summary>電話で.</summary>
    Phone = 1,

    /// <summary>オンラインで (video call).</summary>
    Online = 2,
}
