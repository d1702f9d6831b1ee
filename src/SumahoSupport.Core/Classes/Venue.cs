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

    /// <summary>The address split as the 自治体標準オープンデータセット asks (郵便番号 … 建物名等), with 緯度・経度; all optional.</summary>
    public VenueLocation Location { get; set; } = new();

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

/// <summary>
/// Where a venue is, field by field, for open data (events.csv): what residents read stays <see cref="Venue.Address"/>.
/// 郵便番号 as 123-4567; 緯度・経度 in degrees (世界測地系).
/// </summary>
public sealed record VenueLocation
{
    public const int MaxPartLength = 50;

    public string? PostalCode { get; init; }
    public string? Prefecture { get; init; }
    public string? Municipality { get; init; }
    public string? Town { get; init; }
    public string? Block { get; init; }
    public string? Building { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>「１２３４５６７」, 「123-4567」 or 「〒123－4567」 as 123-4567; null when it is not seven digits.</summary>
    public static string? NormalizePostalCode(string? input)
    {
        var digits = new string((input ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
        var rest = (input ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsAsciiDigit(c) && c is not ('-' or '〒' or ' ' or 'ー' or '−'));
        return digits.Length == 7 && !rest.Any() ? $"{digits[..3]}-{digits[3..]}" : null;
    }

    public IEnumerable<Problem> Problems()
    {
        if (PostalCode is not null && NormalizePostalCode(PostalCode) != PostalCode)
            yield return new(nameof(PostalCode), "郵便番号は7けたの数字で入力してください（例: 376-0101）。");
        if (Latitude is not null != Longitude is not null) yield return new(nameof(Latitude), "緯度と経度は、両方入れるか、両方空にしてください。");
        // Japan lies between these: a swapped pair or a missing minus sign is caught here.
        if (Latitude is < 20 or > 46) yield return new(nameof(Latitude), "緯度は日本の範囲（20〜46）の数字で入力してください（例: 36.3947）。");
        if (Longitude is < 122 or > 154) yield return new(nameof(Longitude), "経度は日本の範囲（122〜154）の数字で入力してください（例: 139.2833）。");
    }
}
