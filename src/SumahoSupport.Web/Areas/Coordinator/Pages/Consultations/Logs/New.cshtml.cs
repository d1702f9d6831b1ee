using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Web.Pages.Shared;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Consultations.Logs;

/// <summary>
/// A coordinator writes a 相談記録 for a supporter who does not use the app: a walk-in at the counter or a 相談会 (with
/// who helped), or a booked consultation (its supporter is already known).
/// </summary>
public sealed class NewModel(AppDbContext db, SupportLogService logs, SurveyFollowUpService followUps, TimeProvider clock) : PageModel, ISupportLogForm
{
    private static readonly SupporterStatus[] Helping = [SupporterStatus.Trainee, SupporterStatus.Certified, SupporterStatus.Lead];

    [BindProperty(SupportsGet = true, Name = "booking")] public string? BookingCode { get; set; }

    [BindProperty] public SupportLogInput Input { get; set; } = new();

    /// <summary>Who helped, for a walk-in.</summary>
    [BindProperty] public int? SupporterId { get; set; }

    public BookedFacts? Booking { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Venues { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Supporters { get; private set; } = [];

    public bool AskAboutDigits { get; private set; }

    public bool IsWalkIn => Booking is null;

    public FollowUpAsked? FollowUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Booking is not null && Input.Topics.Count == 0) Input.Topics = [.. ConsultationTopics.Parse(Booking.Topics)];
        Input.DefaultHeldAt(Booking?.StartsAtUtc, clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var supporter = Booking?.SupporterId ?? SupporterId;
        if (supporter is null || (IsWalkIn && !Supporters.Any(s => s.Id == supporter))) ModelState.AddModelError(nameof(SupporterId), "相談を受けた支援員を選んでください。");
        AskAboutDigits = Input.Validate(ModelState, IsWalkIn, Venues, clock.GetUtcNow().UtcDateTime);
        if (!ModelState.IsValid) return Page();

        var result = await logs.RecordAsync(supporter!.Value, Input.ToDraft(Booking?.Code), ct);
        if (result != SupportLogResult.Recorded)
        {
            ModelState.AddModelError(string.Empty, SupportLogInput.Refusal(result));
            return Page();
        }
        if (FollowUp is not null) await FollowUp.RecordAsync(followUps, Input.SecondUnderstanding, ct);
        TempData["StatusMessage"] = "相談記録を保存しました。";
        return Booking is null ? RedirectToPage("Index") : RedirectToPage("/Consultations/Show", new { code = Booking.Code });
    }

    /// <summary>False when a booking code is given that does not exist.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Venues = await VenueChoices.LoadAsync(db, ct);
        Supporters = (await db.Supporters.AsNoTracking().Where(s => Helping.Contains(s.Status)).OrderBy(s => s.Kana).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();
        if (string.IsNullOrEmpty(BookingCode)) return true;
        Booking = await db.ConsultationBookings.AsNoTracking().Where(b => b.Code == BookingCode && b.SupporterId != null)
            .Select(b => new BookedFacts(b.Code, b.StartsAtUtc, b.EndsAtUtc,
                b.Schedule.Venue == null ? ConsultationLabels.Mode(b.Schedule.Mode) : b.Schedule.Venue.Name, b.Topics, b.SupporterId, b.Supporter!.Name))
            .SingleOrDefaultAsync(ct);
        FollowUp = await FollowUpAsked.ForAsync(db, Booking?.Code, ct);
        return Booking is not null;
    }

    public sealed record BookedFacts(string Code, DateTime StartsAtUtc, DateTime EndsAtUtc, string Place, string Topics, int? SupporterId, string SupporterName);
}
