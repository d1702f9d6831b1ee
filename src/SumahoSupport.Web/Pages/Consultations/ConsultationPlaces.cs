using System.Globalization;
using Microsoft.AspNetCore.Mvc.Localization;
using SumahoSupport.Core.Consultations;

namespace SumahoSupport.Web.Pages.Consultations;

/// <summary>A place as it travels in a link: 「venue-3」, 「phone」 or 「online」.</summary>
public static class ConsultationPlaces
{
    public static string Key(ConsultationPlace place) => place.Mode switch
    {
        ConsultationMode.Phone => "phone",
        ConsultationMode.Online => "online",
        _ => string.Create(CultureInfo.InvariantCulture, $"venue-{place.VenueId}"),
    };

    /// <summary>A venue by its own name; by phone or online in the reader's language.</summary>
    public static string NameIn(ConsultationPlace place, IHtmlLocalizer text) =>
        ConsultationLabels.Place(place.VenueId is null ? null : place.Name, place.Mode, label => text.GetString(label));

    public static (ConsultationMode Mode, int? VenueId)? Parse(string? key) => key switch
    {
        "phone" => (ConsultationMode.Phone, null),
        "online" => (ConsultationMode.Online, null),
        _ when key?.StartsWith("venue-", StringComparison.Ordinal) == true
            && int.TryParse(key.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var venue) => (ConsultationMode.AtVenue, venue),
        _ => null,
    };

    /// <summary>A slot's start in a link: UTC minutes as 「202612021000」, which survives copying and reading aloud.</summary>
    public static string StartKey(DateTime utc) => utc.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public static DateTime? ParseStart(string? key) =>
        DateTime.TryParseExact(key, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : null;
}
