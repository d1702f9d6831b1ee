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

    /// <summary>The 確認 step: what was typed, shown back with 「この内容で予約する」 and 「修正する」. Nothing is booked yet.</summary>
    public bool Checking { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await ClassDetails.FindAsync(db, id, clock.GetUtcNow().UtcDateTime, ct);
        if (found is null) return NotFound();
        Class = found;
        return Page();
    }

    /// <summary>入力 → 確認: checks what was typed and shows it back; takes no seat.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct)
    {
        CheckConsent();
        Checking = ModelState.IsValid;
        return await OnGetAsync(id, ct);
    }

    /// <summary>A form sent without a step (a page opened before the 確認 step existed) is checked, never booked at once.</summary>
    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) => OnPostCheckAsync(id, ct);

    /// <summary>「修正する」: back to the form, filled in as it was.</summary>
    public Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        return OnGetAsync(id, ct);
    }

    /// <summary>
    /// 確認 → 完了: the seat is taken here, and only here. The carried fields are checked again (they came back from the
    /// browser); pressed twice, or again after the back button, the second answer is 「すでに予約があります」, never a second seat.
    /// </summary>
    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        CheckConsent();
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

    private void CheckConsent()
    {
        if (!Consent) ModelState.AddModelError(nameof(Consent), "個人情報の取り扱いに同意してください。");
    }

    private async Task<IActionResult> FormWithErrorAsync(int id, string message, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, message);
        return await OnGetAsync(id, ct);
    }
}
