using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Bookings;

/// <summary>
/// 予約の検索: a resident calls without their manage link; staff find the booking by 予約番号 or phone number and
/// cancel or check it from the class roster.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Results { get; private set; } = Paged<Row>.Empty(PageSize);

    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q)) return Page();
        var code = BookingSecrets.NormalizeCode(Q);
        var phone = PhoneNumber.Normalize(Q);
        if (code is null && phone is null)
        {
            ModelState.AddModelError(nameof(Q), "予約番号（例: K7M-4PX）か電話番号（例: 090-1234-5678）を入力してください。");
            return Page();
        }
        Searched = true;
        Results = await db.Bookings.AsNoTracking()
            .Where(b => b.Code == code || b.PhoneKey == phone)
            .OrderByDescending(b => b.ClassSession.StartsAtUtc).ThenByDescending(b => b.Id)
            .Select(b => new Row(b.Code, b.Status, b.Participant.Name, b.Participant.Kana, b.Participant.Phone,
                b.ClassSessionId, b.ClassSession.Course.Title, b.ClassSession.StartsAtUtc, b.ClassSession.EndsAtUtc))
            .PageAsync(PageNumber, PageSize, ct);
        return Page();
    }

    public sealed record Row(
        string Code, BookingStatus Status, string Name, string Kana, string Phone, int SessionId, string Title,
        DateTime StartsAtUtc, DateTime EndsAtUtc);
}
