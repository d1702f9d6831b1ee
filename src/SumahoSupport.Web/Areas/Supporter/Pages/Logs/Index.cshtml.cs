using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Supporter.Pages.Logs;

/// <summary>相談記録: the supporter's consultations (ahead, and held but not yet recorded) and their own records.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Assigned> Consultations { get; private set; } = [];

    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<Recorded> Logs { get; private set; } = Paged<Recorded>.Empty(PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } me) return Forbid();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-14);
        Consultations = await db.ConsultationBookings.AsNoTracking()
            .Where(b => b.SupporterId == me && b.Status != ConsultationStatus.Cancelled && b.StartsAtUtc >= since && !db.SupportLogs.Any(l => l.ConsultationBookingId == b.Id))
            .OrderBy(b => b.StartsAtUtc)
            .Select(b => new Assigned(b.Code, b.StartsAtUtc, b.EndsAtUtc, b.Schedule.Mode, b.Schedule.Venue == null ? null : b.Schedule.Venue.Name, b.Topics, b.Request, b.Device,
                // Only a consultation by phone needs the number: the supporter is the one who calls.
                b.Schedule.Mode == ConsultationMode.Phone ? b.Participant.Phone : null))
            .ToListAsync(ct);
        Logs = await db.SupportLogs.AsNoTracking().Where(l => l.SupporterId == me).OrderByDescending(l => l.HeldAtUtc).ThenByDescending(l => l.Id)
            .Select(l => new Recorded(l.HeldAtUtc, l.Minutes, l.Topics, l.Resolution, l.FollowUpNeeded, l.ReferredTo, l.Note, l.ConsultationBookingId == null))
            .PageAsync(PageNumber, PageSize, ct);
        return Page();
    }

    public sealed record Assigned(string Code, DateTime StartsAtUtc, DateTime EndsAtUtc, ConsultationMode Mode, string? VenueName, string Topics, string? Request, Core.Bookings.DeviceType Device, string? PhoneToCall);

    public sealed record Recorded(DateTime HeldAtUtc, int Minutes, string Topics, Resolution Resolution, bool FollowUpNeeded, string? ReferredTo, string? Note, bool WalkIn);
}
