using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Surveys;

/// <summary>
/// アンケートのお願い: an hour after a class ends, each participant recorded as attended who has e-mail and has not
/// answered yet (many answer on the spot through the QR slip) gets the survey link by mail — once
/// (<see cref="OncePerBooking"/>). Mail goes out in the daytime only.
/// </summary>
public sealed class SurveyRequestService(AppDbContext db, UnitOfWork work, Notifier notifier, TimeProvider clock, IOptions<SurveyOptions> options)
{
    /// <summary>Long enough for people to get home; the QR slip covers those who answer at the class.</summary>
    public static readonly TimeSpan AfterClass = TimeSpan.FromHours(1);

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var timeInTokyo = TimeOnly.FromDateTime(JapaneseTime.ToTokyo(nowUtc));
        if (timeInTokyo < options.Value.RequestsFrom || timeInTokyo >= options.Value.RequestsUntil) return 0;

        var endedBefore = nowUtc - AfterClass;
        var stillOpenAfter = nowUtc - SurveyService.OpenAfterClass;
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Attended && b.SurveyRequestedAtUtc == null && b.SurveyToken != null
                && b.Participant.Email != null
                && b.ClassSession.Status == ClassSessionStatus.Scheduled
                && b.ClassSession.EndsAtUtc <= endedBefore && b.ClassSession.EndsAtUtc > stillOpenAfter)
            .OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.Code, TokenHash = SurveyService.Hash(b.SurveyToken!) })
            .ToListAsync(ct);

        // Those who answered on the spot are marked as asked in one statement and never looked at again.
        var hashes = due.Select(b => b.TokenHash).ToList();
        var answered = (await db.SurveyResponses.Where(r => r.TokenHash != null && hashes.Contains(r.TokenHash)).Select(r => r.TokenHash!).ToListAsync(ct)).ToHashSet();
        var answeredIds = due.Where(b => answered.Contains(b.TokenHash)).Select(b => b.Id).ToList();
        if (answeredIds.Count > 0)
            await work.RunAsync(unit => unit.UpdateAsync(db.Bookings.Where(b => answeredIds.Contains(b.Id) && b.SurveyRequestedAtUtc == null),
                b => b.SetProperty(x => x.SurveyRequestedAtUtc, nowUtc), ct), ct);

        return await OncePerBooking.SendAsync(db, work, due.Where(b => !answered.Contains(b.TokenHash)).Select(b => (b.Id, b.Code)),
            (Booking b) => b.SurveyRequestedAtUtc, nowUtc, code => notifier.SurveyRequestAsync(code, ct), ct);
    }
}
