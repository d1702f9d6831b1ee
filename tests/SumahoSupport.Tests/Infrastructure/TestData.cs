using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Text;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>Builds test data through the same services the app uses.</summary>
public static class TestData
{
    private static int phoneCounter;

    /// <summary>A unique, valid mobile number per call (090-0000-0001, …).</summary>
    public static string NextPhone() => $"0908{Interlocked.Increment(ref phoneCounter):D7}";

    public static BookingRequest Resident(string? phone = null, string kana = "やまだ はなこ", string? email = null, DeviceType device = DeviceType.Android) =>
        new("山田 花子", kana, phone ?? NextPhone(), email, AgeBand.Seventies, device, null, BookingChannel.Web);

    /// <summary>
    /// A new class session, starting <paramref name="startsIn"/> from the app's clock, via ClassScheduleService; by default
    /// at 10:00 Tokyo time three days ahead, so a class never runs past midnight whenever the tests run.
    /// </summary>
    public static async Task<int> CreateSessionAsync(this AppFactory app, int capacity, TimeSpan? startsIn = null, int cutoffMinutes = 60)
    {
        var start = startsIn is { } offset
            ? app.Clock.GetUtcNow().UtcDateTime.Add(offset)
            : JapaneseTime.ToUtc(JapaneseTime.TodayInTokyo(app.Clock).AddDays(3).ToDateTime(new TimeOnly(10, 0)));
        start = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, DateTimeKind.Utc);
        var id = 0;
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var course = await db.Courses.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var venue = await db.Venues.OrderByDescending(v => v.LoanerDevices).Select(v => v.Id).FirstAsync();
            var result = await s.GetRequiredService<ClassScheduleService>().CreateSessionAsync(
                new SessionDraft(course, venue, start, start.AddHours(2), capacity, cutoffMinutes, 0, "筆記用具"), CancellationToken.None);
            id = Assert.IsType<ScheduleResult.Saved>(result).Id;
        });
        return id;
    }

    /// <summary>
    /// A class of the <paramref name="course"/>-th course at the <paramref name="venue"/>-th venue (by id), starting at
    /// <paramref name="startsAtUtc"/>: several at one hour, each at a venue of its own.
    /// </summary>
    public static Task<int> ClassAtAsync(this AppFactory app, DateTime startsAtUtc, int course, int venue) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var courseId = await db.Courses.OrderBy(c => c.Id).Skip(course).Select(c => c.Id).FirstAsync();
        var venueId = await db.Venues.OrderBy(v => v.Id).Skip(venue).Select(v => v.Id).FirstAsync();
        var start = new DateTime(startsAtUtc.Year, startsAtUtc.Month, startsAtUtc.Day, startsAtUtc.Hour, startsAtUtc.Minute, 0, DateTimeKind.Utc);
        var result = await s.GetRequiredService<ClassScheduleService>().CreateSessionAsync(
            new SessionDraft(courseId, venueId, start, start.AddHours(2), 8, 60, 0, null), default);
        return Assert.IsType<ScheduleResult.Saved>(result).Id;
    });

    /// <summary>A course of its own (a fresh title), so no demo class is of it whatever the date.</summary>
    public static Task<int> NewCourseAsync(this AppFactory app) => app.WithScopeAsync(async s =>
    {
        var draft = new CourseDraft($"講座 {Guid.NewGuid():N}"[..11], "テストのための講座", "基本操作", CourseLevel.Beginner, TargetOs.Any, 120, 10, null,
            ["電源を入れられる"], true);
        return (int)Assert.IsType<DraftResult.Saved>(await s.GetRequiredService<CourseService>().SaveAsync(null, draft, default)).Id;
    });

    /// <summary>A class of <paramref name="courseId"/> at the first venue, 10:00 Tokyo, <paramref name="days"/> days after today (Tokyo).</summary>
    public static Task<int> ClassOfAsync(this AppFactory app, int courseId, int days, int capacity) => app.WithScopeAsync(async s =>
    {
        var venue = await s.GetRequiredService<AppDbContext>().Venues.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var start = JapaneseTime.ToUtc(JapaneseTime.TodayInTokyo(app.Clock).AddDays(days).ToDateTime(new TimeOnly(10, 0)));
        var result = await s.GetRequiredService<ClassScheduleService>().CreateSessionAsync(
            new SessionDraft(courseId, venue, start, start.AddHours(2), capacity, 60, 0, null), default);
        return Assert.IsType<ScheduleResult.Saved>(result).Id;
    });

    /// <summary>
    /// The 年度 a class is counted in: its start's, not today's — a class two hours before midnight on 31 March is last
    /// year's by the time its survey is in.
    /// </summary>
    public static Task<int> FiscalYearOfAsync(this AppFactory app, int session) =>
        app.WithDbAsync(async db => FiscalYear.OfUtc(await db.ClassSessions.Where(s => s.Id == session).Select(s => s.StartsAtUtc).SingleAsync()));

    /// <summary>A consultation schedule added through ConsultationService, as saved.</summary>
    public static Task<ConsultationSchedule> AddConsultationScheduleAsync(this AppFactory app, ConsultationScheduleDraft draft) =>
        app.WithScopeAsync(async s =>
        {
            var saved = Assert.IsType<DraftResult.Saved>(await s.GetRequiredService<ConsultationService>().AddScheduleAsync(draft, default));
            return await s.GetRequiredService<AppDbContext>().ConsultationSchedules.AsNoTracking().SingleAsync(c => c.Id == saved.Id);
        });

    /// <summary>One day of consultations by phone, open on a holiday too.</summary>
    public static Task<ConsultationSchedule> AddPhoneConsultationDayAsync(this AppFactory app, DateOnly date, TimeOnly start, TimeOnly end) =>
        app.AddConsultationScheduleAsync(new ConsultationScheduleDraft(ConsultationMode.Phone, null, date, date, [date.DayOfWeek], null, start, end, OpenOnHolidays: true));

    public static async Task<T> WithBookingsAsync<T>(this AppFactory app, Func<BookingService, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BookingService>());
    }

    public static Task<BookingResult> BookAsync(this AppFactory app, int sessionId, BookingRequest request, BookingKind kind = BookingKind.Resident) =>
        app.WithBookingsAsync(b => b.BookAsync(sessionId, request, kind, CancellationToken.None));

    public static Task<List<Booking>> BookingsOfAsync(this AppFactory app, int sessionId) =>
        app.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.ClassSessionId == sessionId).OrderBy(b => b.Id).ToListAsync());

    /// <summary>The bookings are the truth: the session's counter must equal the seats they hold.</summary>
    public static async Task AssertSeatCounterMatchesBookingsAsync(this AppFactory app, int sessionId)
    {
        var (counter, capacity, holding) = await app.WithDbAsync(async db =>
        {
            var session = await db.ClassSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            // A seat cancelled by staff stays counted while it can still be put back (元に戻す).
            var held = await db.Bookings.CountAsync(b => b.ClassSessionId == sessionId && (BookingStatuses.HoldingSeat.Contains(b.Status) || b.UndoUntilUtc != null));
            return (session.Confirmed, session.Capacity, held);
        });
        Assert.Equal(holding, counter);
        Assert.True(counter <= capacity, $"{counter} seats taken of {capacity}");
    }

    public static Task<List<string>> AuditActionsForAsync(this AppFactory app, string subjectType, string subjectId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId)
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    /// <summary>Sends everything due in the outbox, as the background dispatcher would.</summary>
    /// <summary>One run of the day-before reminder job, as the reminder host runs it every minute.</summary>
    public static async Task<int> SendRemindersAsync(this AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueAsync(default);
    }

    public static async Task<DispatchResult> DispatchMailAsync(this AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAllDueAsync(CancellationToken.None);
    }

    public static Task<List<OutboxMessage>> OutboxAsync(this AppFactory app) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public static Task<List<AuditEntry>> AuditEntriesAsync(this AppFactory app, string action) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());
}
