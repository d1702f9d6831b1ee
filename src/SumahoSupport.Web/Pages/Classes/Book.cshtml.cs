using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SumahoSupport.Core;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Pages.Shared;

namespace SumahoSupport.Web.Pages.Classes;

[AllowAnonymous]
public sealed class BookModel(
    AppDbContext db, BookingService bookings, TimeProvider clock, IOptions<CityOptions> city, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public BookingInput Input { get; set; } = new();

    /// <summary>An unticked checkbox posts nothing, so this is checked in the handler rather than by an attribute.</summary>
    [BindProperty] public bool Consent { get; set; }

    public ClassDetails Class { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await ClassDetails.FindAsync(db, id, clock.GetUtcNow().UtcDateTime, ct);
        if (found is null) return NotFound();
        Class = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!Consent) ModelState.AddModelError(nameof(Consent), "個人情報の取り扱いに同意してください。");
        if (!ModelState.IsValid) return await OnGetAsync(id, ct);
        var result = await bookings.BookAsync(id, Input.ToRequest(BookingChannel.Web), BookingKind.Resident, ct);
        return result switch
        {
            BookingResult.Booked b => RedirectToPage("/Bookings/Show", new { code = b.Code, token = b.Token, done = "booked" }),
            BookingResult.Waitlisted w => RedirectToPage("/Bookings/Show", new { code = w.Code, token = w.Token, done = "waitlisted" }),
            BookingResult.AlreadyBooked => await FormWithErrorAsync(id, ResidentMessages.AlreadyBooked(text, city.Value), ct),
            BookingResult.LimitReached => await FormWithErrorAsync(id, ResidentMessages.LimitReached(text, city.Value), ct),
            BookingResult.Closed => await FormWithErrorAsync(id, "インターネットでの受付は終了しました。お電話でご相談ください。", ct),
            _ => throw new UnreachableException(),
        };
    }

    private async Task<IActionResult> FormWithErrorAsync(int id, string message, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, message);
        return await OnGetAsync(id, ct);
    }
}
