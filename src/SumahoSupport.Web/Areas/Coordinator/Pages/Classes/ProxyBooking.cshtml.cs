using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Pages.Shared;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>
/// 代理予約: a coordinator books for a resident on the phone or at the counter. Typing the phone number first finds
/// a resident who has booked before, so a repeat caller takes seconds.
/// </summary>
public sealed class ProxyBookingModel(AppDbContext db, BookingService bookings) : PageModel
{
    [BindProperty] public BookingInput Input { get; set; } = new();

    [BindProperty] public BookingChannel Channel { get; set; } = BookingChannel.Phone;

    [BindProperty(SupportsGet = true)] public string? Lookup { get; set; }

    public SessionHeader Session { get; private set; } = default!;

    public IReadOnlyList<KnownParticipant> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? participant, CancellationToken ct)
    {
        var found = await SessionHeader.FindAsync(db, id, ct);
        if (found is null) return NotFound();
        Session = found;

        var phone = PhoneNumber.Normalize(Lookup);
        if (phone is not null)
        {
            Matches = await db.Participants.AsNoTracking()
                .Where(p => p.Phone == phone)
                .OrderByDescending(p => p.Id)
                .Select(p => new KnownParticipant(p.Id, p.Name, p.Kana, p.Phone, p.Email, p.Device, p.AgeBand, p.Needs))
                .ToListAsync(ct);
            Input.Phone ??= PhoneNumber.Format(phone);
        }
        else if (!string.IsNullOrWhiteSpace(Lookup))
        {
            ModelState.AddModelError(nameof(Lookup), "電話番号は「090-1234-5678」のように市外局番から入力してください。");
        }

        if (participant is not null && Matches.FirstOrDefault(m => m.Id == participant) is { } chosen)
        {
            Input = new BookingInput
            {
                Name = chosen.Name, Kana = chosen.Kana, Phone = PhoneNumber.Format(chosen.Phone), Email = chosen.Email,
                Device = chosen.Device, AgeBand = chosen.AgeBand, NeedsOther = chosen.Needs,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await SessionHeader.FindAsync(db, id, ct) is not { } session) return NotFound();
        if (Channel is not (BookingChannel.Phone or BookingChannel.Counter)) ModelState.AddModelError(nameof(Channel), "受付の方法を選んでください。");
        if (!ModelState.IsValid) return await OnGetAsync(id, null, ct);

        var result = await bookings.BookAsync(id, Input.ToRequest(Channel), BookingKind.Proxy, ct);
        switch (result)
        {
            case BookingResult.Booked booked:
                TempData["StatusMessage"] = $"予約を受け付けました。予約番号 {booked.Code} をお伝えください。";
                return RedirectToPage("Roster", new { id });
            case BookingResult.Waitlisted waiting:
                var position = await bookings.WaitlistPositionAsync(waiting.BookingId, waiting.SessionId, ct);
                TempData["StatusMessage"] = $"満席のため、キャンセル待ち {position}番目で登録しました。予約番号 {waiting.Code} をお伝えください。";
                return RedirectToPage("Roster", new { id });
            case BookingResult.AlreadyBooked existing:
                ModelState.AddModelError(string.Empty, $"この電話番号では、この教室の予約がすでにあります（予約番号 {existing.Code}・{BookingLabels.Attendance(existing.Status)}）。");
                return await OnGetAsync(id, null, ct);
            case BookingResult.Closed:
                ModelState.AddModelError(string.Empty, session.Status == ClassSessionStatus.Cancelled
                    ? "この教室は中止されています。"
                    : "この教室はすでに始まっているため予約できません。");
                return await OnGetAsync(id, null, ct);
            default:
                throw new UnreachableException();
        }
    }

    public sealed record KnownParticipant(int Id, string Name, string Kana, string Phone, string? Email, DeviceType Device, AgeBand AgeBand, string? Needs);
}
