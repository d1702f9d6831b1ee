using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Web.Pages.Shared;

namespace SumahoSupport.Web.Areas.Supporter.Pages.Logs;

/// <summary>
/// 相談記録の入力: for a booked consultation (its place and topics filled in) or a walk-in. A note with a run of digits is
/// sent back once with a warning, because passwords and card numbers must never be written down.
/// </summary>
public sealed class NewModel(AppDbContext db, SupportLogService logs, SurveyFollowUpService followUps, TimeProvider clock) : PageModel, ISupportLogForm
{
    [BindProperty(SupportsGet = true, Name = "booking")] public string? BookingCode { get; set; }

    [BindProperty] public SupportLogInput Input { get; set; } = new();

    public BookedFacts? Booking { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Venues { get; private set; } = [];

    public bool AskAboutDigits { get; private set; }

    public bool IsWalkIn => Booking is null;

    public FollowUpAsked? FollowUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } me) return Forbid();
        if (!await LoadAsync(me, ct)) return NotFound();
        if (Booking is not null && Input.Topics.Count == 0) Input.Topics = [.. ConsultationTopics.Parse(Booking.Topics)];
        Input.DefaultHeldAt(Booking?.StartsAtUtc, clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } me) return Forbid();
        if (!await LoadAsync(me, ct)) return NotFound();
        AskAboutDigits = Input.Validate(ModelState, IsWalkIn, Venues, clock.GetUtcNow().UtcDateTime);
        if (!ModelState.IsValid) return Page();

        var result = await logs.RecordAsync(me, Input.ToDraft(Booking?.Code), ct);
        if (result != SupportLogResult.Recorded)
        {
            ModelState.AddModelError(string.Empty, SupportLogInput.Refusal(result));
            return Page();
        }
        if (FollowUp is not null) await FollowUp.RecordAsync(followUps, Input.SecondUnderstanding, ct);
        TempData["StatusMessage"] = "相談記録を保存しました。ありがとうございました。";
        return RedirectToPage("Index");
    }

    /// <summary>False when a booking code is given that is not this supporter's.</summary>
    private async Task<bool> LoadAsync(int me, CancellationToken ct)
    {
        Venues = await VenueChoices.LoadAsync(db, ct);
        if (string.IsNullOrEmpty(BookingCode)) return true;
        Booking = await db.ConsultationBookings.AsNoTracking().Where(b => b.Code == BookingCode && b.SupporterId == me)
            .Select(b => new BookedFacts(b.Code, b.StartsAtUtc, b.EndsAtUtc, b.Schedule.Mode, b.Schedule.Venue == null ? null : b.Schedule.Venue.Name, b.Topics))
            .SingleOrDefaultAsync(ct);
        FollowUp = await FollowUpAsked.ForAsync(db, Booking?.Code, ct);
        return Booking is not null;
    }

    public sealed record BookedFacts(string Code, DateTime StartsAtUtc, DateTime EndsAtUtc, ConsultationMode Mode, string? VenueName, string Topics);
}
