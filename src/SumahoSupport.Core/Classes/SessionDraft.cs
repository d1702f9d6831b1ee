namespace SumahoSupport.Core.Classes;

/// <summary>What a coordinator fills in for one class session (times in UTC).</summary>
public sealed record SessionDraft(
    int CourseId,
    int VenueId,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    int Capacity,
    int BookingCutoffMinutes,
    int LoanerDevices,
    string? Notes);

/// <summary>A recurring class: the first occurrence's Tokyo date and time, and an RRULE.</summary>
public sealed record SeriesDraft(
    int CourseId,
    int VenueId,
    DateOnly FirstDate,
    TimeOnly StartTime,
    int DurationMinutes,
    string RecurrenceRule,
    int Capacity,
    int BookingCutoffMinutes,
    int LoanerDevices,
    string? Notes,
    bool KeepHolidays);

public abstract record ScheduleResult
{
    private ScheduleResult()
    {
    }

    public sealed record Saved(int Id) : ScheduleResult;

    public sealed record SeriesSaved(int SeriesId, int Created, IReadOnlyList<string> SkippedHolidays) : ScheduleResult;

    /// <summary>The change cannot be made; <see cref="Message"/> says why, in Japanese, for the form.</summary>
    public sealed record Rejected(string Field, string Message) : ScheduleResult;
}
