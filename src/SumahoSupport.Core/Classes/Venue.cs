namespace SumahoSupport.Core.Classes;

/// <summary>会場: a 公民館 or similar place where classes and consultations happen.</summary>
public sealed class Venue
{
    public const int MaxRooms = 10;

    public const int MaxAreaLength = 30;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public string? Access { get; set; }

    /// <summary>The name and access in English, shown to English readers where filled in.</summary>
    public string? NameEn { get; set; }

    public string? AccessEn { get; set; }

    /// <summary>地区: the part of the city residents know the venue by (中央地区), offered as a choice on /Classes.</summary>
    public string? Area { get; set; }
    public string? BarrierFreeNotes { get; set; }

    /// <summary>The number to call on the day (当日の連絡先): the venue's own desk, not the city's help line.</summary>
    public string? Phone { get; set; }

    /// <summary>貸出端末: smartphones the venue can lend to residents who own none.</summary>
    public int LoanerDevices { get; set; }

    public bool HasWifi { get; set; }

    /// <summary>
    /// When the venue was retired (使用終了): kept with its classes for history and reports, no longer offered when a class
    /// or consultation is scheduled. Null while in use.
    /// </summary>
    public DateTime? RetiredAtUtc { get; set; }

    /// <summary>The rooms classes are held in, with their seats.</summary>
    public List<VenueRoom> Rooms { get; set; } = [];
}

/// <summary>A room of a venue: 「講座室A 12席」.</summary>
public sealed class VenueRoom
{
    public int Id { get; set; }
    public int VenueId { get; set; }
    public required string Name { get; set; }
    public int Seats { get; set; }
}
