using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Calls;

/// <summary>電話連絡リスト: residents without e-mail who must be called, soonest class or consultation first.</summary>
public sealed class IndexModel(AppDbContext db, CallListService calls) : PageModel
{
    public IReadOnlyList<Row> Open { get; private set; } = [];

    public IReadOnlyList<Row> RecentlyDone { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var open = db.CallTasks.AsNoTracking().Where(c => c.DoneAtUtc == null);
        Open = [.. (await Project(open).ToListAsync(ct)).OrderBy(c => c.StartsAtUtc).ThenBy(c => c.Id)];
        var done = db.CallTasks.AsNoTracking().Where(c => c.DoneAtUtc != null).OrderByDescending(c => c.DoneAtUtc).Take(30);
        RecentlyDone = await Project(done).ToListAsync(ct);
    }

    /// <summary>A call is about a class booking or a consultation booking; the row shows either the same way.</summary>
    private static IQueryable<Row> Project(IQueryable<CallTask> calls) => calls.Select(c => c.Booking != null
        ? new Row(c.Id, c.Reason, c.Note, c.Booking.Code, c.Booking.Participant.Name, c.Booking.Participant.Kana, c.Booking.Participant.Phone,
            c.Booking.ClassSession.Course.Title, c.Booking.ClassSession.StartsAtUtc, c.Booking.ClassSession.EndsAtUtc,
            c.Booking.ClassSession.Venue.Name, c.DoneAtUtc, c.DoneBy, false, c.Booking.Language)
        : new Row(c.Id, c.Reason, c.Note, c.ConsultationBooking!.Code, c.ConsultationBooking.Participant.Name, c.ConsultationBooking.Participant.Kana,
            c.ConsultationBooking.Participant.Phone, "スマホ相談", c.ConsultationBooking.StartsAtUtc, c.ConsultationBooking.EndsAtUtc,
            c.ConsultationBooking.Schedule.Venue != null ? c.ConsultationBooking.Schedule.Venue.Name : ConsultationLabels.Mode(c.ConsultationBooking.Schedule.Mode),
            c.DoneAtUtc, c.DoneBy, true, c.ConsultationBooking.Language));

    public async Task<IActionResult> OnPostDoneAsync(int id, CancellationToken ct)
    {
        TempData["StatusMessage"] = await calls.MarkDoneAsync(id, ct) ? "連絡済みにしました。" : "すでに連絡済みです。";
        return RedirectToPage();
    }

    public sealed record Row(
        int Id, CallReason Reason, string? Note, string Code, string Name, string Kana, string Phone, string Title,
        DateTime StartsAtUtc, DateTime EndsAtUtc, string VenueName, DateTime? DoneAtUtc, string? DoneBy, bool IsConsultation,
        string Language)
    {
        /// <summary>Booked in English: the note is in English, and the call should be too.</summary>
        public bool InEnglish => Language == Core.Text.Languages.EnglishCode;
    }
}
