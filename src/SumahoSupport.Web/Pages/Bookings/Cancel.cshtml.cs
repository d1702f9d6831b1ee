using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Bookings;

/// <summary>A separate confirmation step, so nobody cancels by a slip of the finger.</summary>
[AllowAnonymous]
public sealed class CancelModel(AppDbContext db, BookingService bookings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public BookingView Booking { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var found = await BookingView.FindAsync(db, code, Token, ct);
        if (found is null) return NotFound();
        Booking = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var found = await BookingView.FindAsync(db, code, Token, ct);
        if (found is null) return NotFound();
        var result = await bookings.CancelByResidentAsync(found.Code, Token, ct);
        switch (result)
        {
            case CancelResult.Cancelled:
            case CancelResult.AlreadyCancelled:
                return RedirectToPage("/Bookings/Show", new { code = found.Code, token = Token, done = "cancelled" });
            case CancelResult.TooLate:
                ModelState.AddModelError(string.Empty, "教室が始まった後は、この画面からはキャンセルできません。お電話でご連絡ください。");
                Booking = found;
                return Page();
            case CancelResult.NotFound:
                return NotFound();
            default:
                throw new UnreachableException();
        }
    }
}
