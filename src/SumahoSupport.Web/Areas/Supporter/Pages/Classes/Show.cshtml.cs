using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Supporter.Pages.Classes;

/// <summary>
/// A class as the supporters on it see it: when and where (with the access and the loaner devices), who else helps, and
/// who comes with what they need help with. Residents' phone numbers only for the class's 講師 on the class's day — the
/// one who may need to ring someone who is late — and never an e-mail. The supporter answers their invitation here.
/// </summary>
public sealed class ShowModel(AppDbContext db, StaffingService staffing, TimeProvider clock) : PageModel
{
    [BindProperty]
    [StringLength(200, ErrorMessage = "理由は200文字以内で入力してください。")]
    [PlainText]
    [Display(Name = "参加できない理由（任意）")]
    public string? Reason { get; set; }

    public Facts Class { get; private set; } = default!;

    public Mine Me { get; private set; } = default!;

    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];

    public IReadOnlyList<Attendee> Attendees { get; private set; } = [];

    /// <summary>The 講師, on the class's day (Tokyo): they see the attendees' phone numbers.</summary>
    public bool ShowsPhones { get; private set; }

    public bool CanAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A post without an answer (a page from before, a crafted request) shows the page again; nothing changes.</summary>
    public IActionResult OnPost(int id) => RedirectToPage(new { id });

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) => AnswerAsync(id, AssignmentResponse.Accepted, ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) => AnswerAsync(id, AssignmentResponse.Declined, ct);

    private async Task<IActionResult> AnswerAsync(int id, AssignmentResponse response, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await staffing.RespondAsync(id, Me.SupporterId, response, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), ct);
        TempData["StatusMessage"] = result switch
        {
            RespondResult.Recorded or RespondResult.Unchanged => response == AssignmentResponse.Accepted
                ? "参加のお返事を受け付けました。ありがとうございます。"
                : "参加できないことをコーディネーターに伝えました。代わりの方を探します。",
            _ => "この教室はもう始まっているか、中止されたため、お返事は受け付けられません。",
        };
        return RedirectToPage(new { id });
    }

    /// <summary>False unless the signed-in supporter is on this class.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } me) return false;
        var mine = await db.Assignments.AsNoTracking().Where(a => a.ClassSessionId == id && a.SupporterId == me)
            .Select(a => new Mine(a.SupporterId, a.Role, a.Response, a.DeclineReason)).SingleOrDefaultAsync(ct);
        if (mine is null) return false;
        Me = mine;
        Class = await db.ClassSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new Facts(s.Course.Title, s.StartsAtUtc, s.EndsAtUtc, s.Status, s.Notes, s.LoanerDevices, s.Confirmed, s.Capacity,
                s.Venue.Name, s.Venue.Address, s.Venue.Access, s.Venue.BarrierFreeNotes, s.Venue.Phone))
            .SingleAsync(ct);
        Colleagues = await db.Assignments.AsNoTracking().Where(a => a.ClassSessionId == id && a.SupporterId != me)
            .OrderBy(a => a.Role).ThenBy(a => a.Supporter.Kana)
            .Select(a => new Colleague(a.Supporter.Name, a.Role, a.Response)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        ShowsPhones = mine.Role == AssignmentRole.Lecturer && mine.Response != AssignmentResponse.Declined
            && DateOnly.FromDateTime(JapaneseTime.ToTokyo(Class.StartsAtUtc)) == JapaneseTime.TodayInTokyo(clock) && Class.EndsAtUtc > now;
        Attendees = await db.Bookings.AsNoTracking()
            .Where(b => b.ClassSessionId == id && BookingStatuses.HoldingSeat.Contains(b.Status))
            .OrderBy(b => b.Participant.Kana)
            .Select(b => new Attendee(b.Participant.Name, b.Participant.Kana, b.Participant.Device, b.NeedsLoanerDevice, b.Participant.Needs, b.Participant.Phone))
            .ToListAsync(ct);
        CanAnswer = Class.Status == ClassSessionStatus.Scheduled && Class.StartsAtUtc > now;
        return true;
    }

    public sealed record Facts(
        string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, ClassSessionStatus Status, string? Notes, int LoanerDevices, int Confirmed, int Capacity,
        string VenueName, string VenueAddress, string? Access, string? BarrierFreeNotes, string? VenuePhone);

    public sealed record Mine(int SupporterId, AssignmentRole Role, AssignmentResponse Response, string? DeclineReason);

    public sealed record Colleague(string Name, AssignmentRole Role, AssignmentResponse Response);

    public sealed record Attendee(string Name, string Kana, DeviceType Device, bool NeedsLoanerDevice, string? Needs, string Phone);
}
