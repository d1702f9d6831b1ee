namespace SumahoSupport.Core.Bookings;

/// <summary>受講者: a resident. Many have no e-mail, so the phone number is the key staff look people up by.</summary>
public sealed class Participant
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Kana { get; set; }

    /// <summary>Digits only, normalised by <see cref="Text.PhoneNumber"/>.</summary>
    public required string Phone { get; set; }

    public string? Email { get; set; }
    public AgeBand AgeBand { get; set; }
    public DeviceType Device { get; set; }

    /// <summary>配慮事項: hearing, sight, wheelchair and the like, in the resident's words.</summary>
    public string? Needs { get; set; }

    public ContactPreference ContactPreference { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// When the personal details were erased — by the retention rule or on the resident's request. The record stays, with
    /// a pseudonym in place of name, ふりがな and phone, so every count and report keeps its figure.
    /// </summary>
    public DateTime? ErasedAtUtc { get; set; }
}

public enum AgeBand
{
    Unknown = 0,
    Under60 = 1,
    Sixties = 2,
    Seventies = 3,
    Eighties = 4,
    NinetiesOrOver = 5,
}

public enum DeviceType
{
    /// <summary>持っていない: the resident needs a loaner device.</summary>
    None = 0,
    Android = 1,
    IPhone = 2,
}

public enum ContactPreference
{
    Phone = 0,
    Email = 1,
}
