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
}
