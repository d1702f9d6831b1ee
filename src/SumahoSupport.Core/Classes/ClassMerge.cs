namespace SumahoSupport.Core.Classes;

/// <summary>What <see cref="ClassScheduleService.MergeAsync"/> did.</summary>
public abstract record MergeResult
{
    private MergeResult()
    {
    }

    /// <summary>Every booking moved (<paramref name="Moved"/>); <paramref name="Cancelled"/> were already booked on that date.</summary>
    public sealed record Merged(int Moved, int Cancelled) : MergeResult;

    /// <summary>Not two coming, scheduled classes of one course.</summary>
    public sealed record NotAnOption : MergeResult;

    /// <summary>The other class has fewer free seats than this one has bookings.</summary>
    public sealed record NoRoom(int Free) : MergeResult;
}

/// <summary>A coming class with few seats taken, and the nearest class of its course that could take them all.</summary>
public sealed record UnderFilledClass(UnderFilledClass.Row Class, UnderFilledClass.Row? Into)
{
    public sealed record Row(int Id, int CourseId, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, string VenueName, int Taken, int Capacity);
}
