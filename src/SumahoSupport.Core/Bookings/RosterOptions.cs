namespace SumahoSupport.Core.Bookings;

/// <summary>The coordinators' roster (<c>Roster:*</c>).</summary>
public sealed class RosterOptions
{
    public const string Section = "Roster";

    /// <summary>
    /// How long a seat a coordinator cancelled can be put back (元に戻す) before the waiting list gets it and the resident
    /// is told; 0 frees it at once.
    /// </summary>
    public int UndoMinutes { get; set; } = 5;

    public TimeSpan UndoWindow => TimeSpan.FromMinutes(UndoMinutes);

    /// <summary>A coming class with fewer seats taken than this is under-filled: the coordinators' home offers to merge it.</summary>
    public int UnderFilledBelow { get; set; } = 3;

    /// <summary>How many days ahead (Tokyo, today included) the home looks for under-filled classes.</summary>
    public int UnderFilledDaysAhead { get; set; } = 3;
}
