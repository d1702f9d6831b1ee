using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;

namespace SumahoSupport.Web.Pages.Consultations;

/// <summary>スマホ相談: choose where (a venue, by phone, online) and which phone, then see the next free times as a list.</summary>
[AllowAnonymous]
public sealed class IndexModel(ConsultationService consultations) : PageModel
{
    /// <summary>Grouped by day on the page, so a week's worth of times stays short to scan.</summary>
    public const int TimesShown = 60;

    [BindProperty(SupportsGet = true)] public string? Place { get; set; }

    [BindProperty(SupportsGet = true)] public DeviceType? Device { get; set; }

    public IReadOnlyList<ConsultationPlace> Places { get; private set; } = [];

    public ConsultationPlace? Chosen { get; private set; }

    public IReadOnlyList<ConsultationSlot> Times { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Places = await consultations.PlacesAsync(ct);
        if (ConsultationPlaces.Parse(Place) is not { } place) return Page();
        Chosen = Places.FirstOrDefault(p => p.Mode == place.Mode && p.VenueId == place.VenueId);
        if (Chosen is null) return NotFound();
        if (Device is { } device && Enum.IsDefined(device))
            Times = await consultations.FreeSlotsAsync(place.Mode, place.VenueId, device, TimesShown, ct);
        return Page();
    }
}
