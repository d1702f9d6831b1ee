using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Data;

/// <summary>
/// The app on a database that, once <see cref="Refusing"/> is set (after the demo seed), refuses to write the audit entry
/// of each change these tests make — the way a full disk or a broken trigger would.
/// </summary>
public sealed class RefusedAuditAppFactory : InterceptedAppFactory
{
    private static readonly string[] Refused =
    [
        "course.created", "session.created", "booking.attended", "call.done", "mail.resent", "support-log.follow-up-done",
        "supporter.feed-renewed", "account.password-changed", "series.updated",
    ];

    public bool Refusing { get; set; }

    protected override IInterceptor Interceptor => new RefuseAudit(this);

    private sealed class RefuseAudit(RefusedAuditAppFactory app) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            app.Refusing && eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && Refused.Contains(e.Entity.Action))
                ? throw new DbUpdateException("the audit entry could not be written")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>An audit entry commits with its change or not at all: a change the city cannot account for is not kept.</summary>
public sealed class AuditUnitTests : IClassFixture<RefusedAuditAppFactory>
{
    private readonly RefusedAuditAppFactory app;

    public AuditUnitTests(RefusedAuditAppFactory app)
    {
        this.app = app;
        _ = app.Server;
        app.Refusing = true;
    }

    [Fact]
    public async Task ANewCourse_WhoseAuditEntryFails_IsNotKept()
    {
        var draft = new CourseDraft("監査のない講座", "記録できなければ残らない", "基本操作", CourseLevel.Beginner, TargetOs.Any, 90, 8, null, ["電源を入れられる"], true);

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithScopeAsync(s => s.GetRequiredService<CourseService>().SaveAsync(null, draft, default)));

        Assert.False(await app.WithDbAsync(db => db.Courses.AnyAsync(c => c.Title == "監査のない講座")));
    }

    [Fact]
    public async Task ANewClass_WhoseAuditEntryFails_IsNotKept()
    {
        var before = await app.WithDbAsync(db => db.ClassSessions.CountAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => app.CreateSessionAsync(capacity: 8));

        Assert.Equal(before, await app.WithDbAsync(db => db.ClassSessions.CountAsync()));
    }

    // Each of these once ran its change as its own statement and saved the audit entry after it, in a second commit.

    [Fact]
    public async Task Attendance_WhoseAuditEntryFails_IsNotRecorded()
    {
        app.Refusing = false;
        var session = await app.CreateSessionAsync(capacity: 4, startsIn: TimeSpan.FromHours(2));
        var code = ((BookingResult.Booked)await app.BookAsync(session, TestData.Resident())).Code;
        app.Clock.Advance(TimeSpan.FromHours(3)); // 出欠 opens on the class's day
        app.Refusing = true;

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithBookingsAsync(b => b.RecordAttendanceAsync(code, attended: true, default)));

        Assert.Equal(BookingStatus.Confirmed, await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task ACallMarkedDone_WhoseAuditEntryFails_StaysOnTheList()
    {
        app.Refusing = false;
        var code = ((BookingResult.Booked)await app.BookAsync(await app.CreateSessionAsync(capacity: 4), TestData.Resident())).Code;
        app.Refusing = true;
        var call = await app.WithDbAsync(async db =>
        {
            var booking = await db.Bookings.Where(b => b.Code == code).Select(b => b.Id).SingleAsync();
            var task = db.CallTasks.Add(new CallTask { Reason = CallReason.Reminder, BookingId = booking, Note = "監査の試験", CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime }).Entity;
            await db.SaveChangesAsync();
            return task.Id;
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithScopeAsync(s => s.GetRequiredService<CallListService>().MarkDoneAsync(call, default)));

        Assert.Null(await app.WithDbAsync(db => db.CallTasks.Where(c => c.Id == call).Select(c => c.DoneAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task AMailSentAgain_WhoseAuditEntryFails_StaysDead()
    {
        var mail = await app.WithDbAsync(async db =>
        {
            var message = db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = "test", ToAddress = "dead@example.jp", ToName = "試験", Title = "試験", TextBody = "試験", HtmlBody = "<p>試験</p>",
                MessageId = $"<{Guid.NewGuid():N}@example.jp>", Status = OutboxStatus.Dead, Attempts = 8,
                NextAttemptAtUtc = app.Clock.GetUtcNow().UtcDateTime, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            }).Entity;
            await db.SaveChangesAsync();
            return message.Id;
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithScopeAsync(s => s.GetRequiredService<OutboxService>().ResendAsync(mail, default)));

        Assert.Equal(OutboxStatus.Dead, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == mail).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task AFollowUpClosed_WhoseAuditEntryFails_StaysOpen()
    {
        app.Refusing = false;
        var supporter = await app.AddSupporterAsync(SupporterStatus.Certified);
        var draft = new SupportLogDraft(null, ConsultationMode.Phone, null, [], 20, Resolution.Partly, FollowUpNeeded: true, null, null);
        Assert.Equal(SupportLogResult.Recorded, await app.WithScopeAsync(s => s.GetRequiredService<SupportLogService>().RecordAsync(supporter.Id, draft, default)));
        var log = await app.WithDbAsync(db => db.SupportLogs.Where(l => l.SupporterId == supporter.Id).Select(l => l.Id).SingleAsync());
        app.Refusing = true;

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithScopeAsync(s => s.GetRequiredService<SupportLogService>().CloseFollowUpAsync(log, default)));

        Assert.Null(await app.WithDbAsync(db => db.SupportLogs.Where(l => l.Id == log).Select(l => l.FollowUpDoneAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task ARenewedFeedAddress_WhoseAuditEntryFails_KeepsTheOldOne()
    {
        app.Refusing = false;
        var supporter = await app.AddSupporterAsync(SupporterStatus.Certified);
        var before = await app.WithScopeAsync(s => s.GetRequiredService<SupporterService>().FeedTokenAsync(supporter.Id, default));
        app.Refusing = true;

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithScopeAsync(s => s.GetRequiredService<SupporterService>().RenewFeedTokenAsync(supporter.Id, default)));

        Assert.Equal(before, await app.WithDbAsync(db => db.Supporters.Where(x => x.Id == supporter.Id).Select(x => x.CalendarFeedToken).SingleAsync()));
    }

    [Fact]
    public async Task AChangedPassword_WhoseAuditEntryFails_IsNotChanged()
    {
        app.Refusing = false;
        var email = $"audit-{Guid.NewGuid():N}@example.jp";
        var created = await app.WithScopeAsync(s => s.GetRequiredService<StaffAccountService>().CreateAsync(email, "監査 試験", Roles.Coordinator, null));
        app.Refusing = true;

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            return await s.GetRequiredService<StaffAccountService>().ChangeOwnPasswordAsync(user!, created.GeneratedPassword!, "A-new-Password-1234", default);
        }));

        Assert.True(await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, created.GeneratedPassword!);
        }));
    }

    [Fact]
    public async Task ASeriesChange_WhoseAuditEntryFails_LeavesEveryClassAsItWas()
    {
        app.Refusing = false;
        var (course, venue) = await app.WithDbAsync(async db => (await db.Courses.Select(c => c.Id).FirstAsync(), await db.Venues.Where(v => v.RetiredAtUtc == null).Select(v => v.Id).FirstAsync()));
        var first = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(14);
        var draft = new SeriesDraft(course, venue, first, new TimeOnly(10, 0), 90, "FREQ=WEEKLY;COUNT=3", 8, 60, 0, null, KeepHolidays: true);
        var series = ((ScheduleResult.SeriesSaved)await app.WithScopeAsync(s => s.GetRequiredService<ClassScheduleService>().CreateSeriesAsync(draft, default))).SeriesId;
        app.Refusing = true;

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            app.WithScopeAsync(s => s.GetRequiredService<ClassScheduleService>().UpdateSeriesAsync(series, draft with { Capacity = 12 }, default)));

        Assert.All(await app.WithDbAsync(db => db.ClassSessions.Where(c => c.SeriesId == series).Select(c => c.Capacity).ToListAsync()), capacity => Assert.Equal(8, capacity));
    }
}
