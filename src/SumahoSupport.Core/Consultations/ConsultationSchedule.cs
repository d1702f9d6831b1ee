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

/// <summary>What a coordinator fills in for a schedule: the weekdays, or an RRULE that replaces them.</summary>
public sealed record ConsultationScheduleDraft(
    ConsultationMode Mode, int? VenueId, DateOnly FirstDate, DateOnly LastDate, IReadOnlyList<DayOfWeek> Days, string? RecurrenceRule,
    TimeOnly StartTime, TimeOnly EndTime, int SlotMinutes = 30, int BufferMinutes = 0, int Parallel = 1, bool OpenOnHolidays = false)
{
    /// <summary>The rules that need no database: dates and times in order, some days, a rule that can be read, sizes in range.</summary>
    public IEnumerable<Problem> Problems()
    {
        if (!Enum.IsDefined(Mode)) yield return new(nameof(Mode), "相談の方法を選び直してください。");
        if (LastDate < FirstDate) yield return new(nameof(LastDate), "終わりの日は、始まりの日より後にしてください。");
        if (SlotMinutes is < 10 or > 120) yield return new(nameof(SlotMinutes), "1回の時間は10〜120分で入力してください。");
        else if (EndTime <= StartTime.AddMinutes(SlotMinutes - 1) || StartTime.AddMinutes(SlotMinutes) < StartTime)
            yield return new(nameof(EndTime), "終わりの時刻は、始まりの時刻から相談1回分以上あとにしてください。");
        if (BufferMinutes is < 0 or > 60) yield return new(nameof(BufferMinutes), "間の時間は0〜60分で入力してください。");
        if (Parallel is < 1 or > 20) yield return new(nameof(Parallel), "同時に受ける人数は1〜20人で入力してください。");
        var rule = Rule;
        if (rule is null && WeekdayBits == 0) yield return new(nameof(Days), "曜日を1つ以上選ぶか、繰り返しのルールを入力してください。");
        if (rule is not null && LastDate >= FirstDate && ConsultationRecurrence.Problem(rule, FirstDate, LastDate) is { } problem)
            yield return new(nameof(RecurrenceRule), problem);
    }

    /// <summary>The rule as typed, or null when none was.</summary>
    public string? Rule => string.IsNullOrWhiteSpace(RecurrenceRule) ? null : RecurrenceRule.Trim();

    /// <summary>The weekdays, unless the rule says which days.</summary>
    public int WeekdayBits => Rule is null ? ConsultationSchedule.WeekdayBits(Days.Where(Enum.IsDefined).Distinct()) : 0;
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
