namespace SumahoSupport.Core.Bookings;

/// <summary>
/// A resident's details, already normalised (phone digits only, ふりがな in hiragana) by the form that collected them,
/// and the language they are to be written to in (<see cref="Text.Languages"/>).
/// </summary>
public sealed record BookingRequest(
    string Name,
    string Kana,
    string Phone,
    string? Email,
    AgeBand AgeBand,
    DeviceType Device,
    string? Needs,
    BookingChannel Channel,
    string Language = Text.Languages.JapaneseCode,
    ContactPreference? Contact = null);

/// <summary>How a booking arrives, which decides until when a class takes it.</summary>
public enum BookingKind
{
    /// <summary>A resident on the web: until the booking cutoff.</summary>
    Resident,

    /// <summary>Staff booking for a resident by phone or at the counter: until the class starts.</summary>
    Proxy,

    /// <summary>Someone who turned up on the day: until the class ends, attended at once, never waitlisted.</summary>
    WalkIn,
}
