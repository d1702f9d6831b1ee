using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>
/// アンケートのお願い to hand out at the end of a class: one slip per participant holding a seat, with the QR code of
/// their own survey link, printed on A4 and cut apart. People without a phone fill in the paper form instead.
/// </summary>
public sealed class SurveyHandoutModel(AppDbContext db) : PageModel
{
    public SessionHeader Session { get; private set; } = default!;

    public IReadOnlyList<Slip> Slips { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await SessionHeader.FindAsync(db, id, ct) is not { } session) return NotFound();
        Session = session;
        var seated = await db.Bookings.AsNoTracking()
            .Where(b => b.ClassSessionId == id && BookingStatuses.HoldingSeat.Contains(b.Status) && b.SurveyToken != null)
            .Select(b => new { b.Participant.Name, b.Participant.Kana, b.SurveyToken })
            .ToListAsync(ct);
        Slips = seated.OrderBy(b => b.Kana, StringComparer.Ordinal)
            .Select(b =>
            {
                var url = Url.PageLink("/Survey/Index", values: new { area = "", token = b.SurveyToken })!;
                return new Slip(b.Name, url, QrCodes.PngDataUri(url));
            })
            .ToList();
        return Page();
    }

    public sealed record Slip(string Name, string Url, string QrDataUri);
}
