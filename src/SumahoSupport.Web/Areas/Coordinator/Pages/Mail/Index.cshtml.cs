using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Messaging;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Mail;

/// <summary>
/// 送信したお知らせ: every message the app has written — mail, LINE, text, call — its state and what the provider reported,
/// a way to send a dead one again, and this month's texts and calls against the cap (each costs the city money).
/// </summary>
public sealed class IndexModel(AppDbContext db, OutboxService outbox, ResidentChannels channels, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Messages { get; private set; } = Paged<Row>.Empty(PageSize);

    public int DeadCount { get; private set; }

    /// <summary>Texts and calls written this month (Tokyo), shown while either channel is on.</summary>
    public int? PaidThisMonth { get; private set; }

    public int MonthlyCap => channels.MonthlyCap;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Messages = await db.OutboxMessages.AsNoTracking()
            .OrderByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.Kind, m.RelatesTo, m.ToName, m.ToAddress, m.Title, m.Status, m.Attempts, m.LastError, m.CreatedAtUtc, m.SentAtUtc, m.CalendarMethod,
                m.Channel, m.DeliveryStatus))
            .PageAsync(PageNumber, PageSize, ct);
        DeadCount = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Dead, ct);
        if (channels.SmsOn) PaidThisMonth = await channels.PaidThisMonthAsync(clock.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct)
    {
        TempData["StatusMessage"] = await outbox.ResendAsync(id, ct) ? "もう一度送信します。" : "このメールは再送信の対象ではありません。";
        return RedirectToPage();
    }

    public sealed record Row(
        long Id, string Kind, string? RelatesTo, string ToName, string ToAddress, string Title, OutboxStatus Status, int Attempts,
        string? LastError, DateTime CreatedAtUtc, DateTime? SentAtUtc, string? CalendarMethod, MessageChannel Channel, string? DeliveryStatus);
}
