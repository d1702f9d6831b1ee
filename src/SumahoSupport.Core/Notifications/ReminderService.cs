using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Notifications;

/// <summary>
/// 前日リマインド: from the configured time each day, everyone booked into tomorrow's classes and consultations gets a
/// reminder — by their channel (mail, LINE, a text, the automated call), or as a call on the 電話連絡リスト. Each booking gets it once (<see cref="OncePerBooking"/>).
/// </summary>
public sealed class ReminderService(AppDbContext db, UnitOfWork work, Notifier notifier, IOptions<MailOptions> mail, TimeProvider clock)
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var tokyoNow = JapaneseTime.ToTokyo(nowUtc);
        if (TimeOnly.FromDateTime(tokyoNow) < mail.Value.Reminder.Time) return 0;

        var tomorrow = DateOnly.FromDateTime(tokyoNow).AddDays(1);
        var (from, until) = JapaneseTime.TokyoDay(tomorrow);
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.RemindedAtUtc == null
                && b.ClassSession.Status == ClassSessionStatus.Scheduled
                && b.ClassSession.StartsAtUtc >= from && b.ClassSession.StartsAtUtc < until)
            .OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.Code })
            .ToListAsync(ct);

        var classes = await OncePerBooking.SendAsync(db, work, due.Select(b => (b.Id, b.Code)), (Booking b) => b.RemindedAtUtc, nowUtc, async code =>
        {
            await notifier.BookingAsync(code, BookingNotice.Reminder, ct);
            return true;
        }, ct);

        var consultations = await db.ConsultationBookings.AsNoTracking()
            .Where(b => b.Status == ConsultationStatus.Confirmed && b.RemindedAtUtc == null && b.StartsAtUtc >= from && b.StartsAtUtc < until)
            .OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.Code })
            .ToListAsync(ct);
        var ids = consultations.ToDictionary(b => b.Code, b => b.Id);
        return classes + await OncePerBooking.SendAsync(db, work, consultations.Select(b => (b.Id, b.Code)), (ConsultationBooking b) => b.RemindedAtUtc, nowUtc, async code =>
        {
            await notifier.ConsultationAsync(ids[code], ConsultationNotice.Reminder, ct);
            return true;
        }, ct);
    }
}
