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

/// <summary>
/// A recurring class: the first occurrence's Tokyo date and time, and an RRULE. <paramref name="Classes"/> asks for that
/// many classes held (days skipped do not count); <paramref name="Until"/> for every date up to that day.
/// </summary>
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
    bool KeepHolidays,
    int? Classes = null,
    DateOnly? Until = null);

/// <summary>One date a series would fall on; <paramref name="Skipped"/> names the holiday or closed day that drops it.</summary>
public sealed record PlannedDate(DateOnly Date, string? Skipped);

/// <summary>What a series will make before it is made: every date, the skipped ones with why.</summary>
public sealed record SeriesPlan(IReadOnlyList<PlannedDate> Dates, string RecurrenceRule)
{
    public IEnumerable<DateOnly> Kept => Dates.Where(d => d.Skipped is null).Select(d => d.Date);
}

public abstract record ScheduleResult
{
    private ScheduleResult()
    {
    }

    public sealed record Saved(int Id) : ScheduleResult;

    public sealed record SeriesSaved(int SeriesId, int Created, IReadOnlyList<string> SkippedHolidays) : ScheduleResult;

    public sealed record Planned(SeriesPlan Plan) : ScheduleResult;

    /// <summary>The change cannot be made; <see cref="Message"/> says why, in Japanese, for the form.</summary>
    public sealed record Rejected(string Field, string Message) : ScheduleResult;
}
