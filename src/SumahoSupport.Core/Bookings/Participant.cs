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

    /// <summary>ご連絡の方法: the one channel every notice to this resident goes by (a coordinator's call when none reaches).</summary>
    public ContactPreference ContactPreference { get; set; }

    /// <summary>The LINE user this resident linked through the city's official account; null until they do.</summary>
    public string? LineUserId { get; set; }

    /// <summary>
    /// The one-time code (連携コード) the resident sends to the official account to link it; shown only behind the booking's
    /// manage link, good until <see cref="LineLinkCodeExpiresAtUtc"/> or its first use.
    /// </summary>
    public string? LineLinkCode { get; set; }
    public DateTime? LineLinkCodeExpiresAtUtc { get; set; }

    /// <summary>A text-message or LINE 「キャンセル」 asked about this booking; a 「はい」 before the time cancels it.</summary>
    public int? CancelAskedBookingId { get; set; }
    public DateTime? CancelAskedUntilUtc { get; set; }

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

/// <summary>ご連絡の方法. The numbers are stored: append only.</summary>
public enum ContactPreference
{
    /// <summary>A coordinator phones (電話連絡リスト).</summary>
    Phone = 0,
    Email = 1,
    Line = 2,

    /// <summary>ショートメール to a mobile number (070/080/090).</summary>
    Sms = 3,

    /// <summary>An automated call the day before; other news by a coordinator's call.</summary>
    Voice = 4,
}
