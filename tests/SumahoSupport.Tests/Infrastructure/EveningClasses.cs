using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>Classes on a Wednesday evening weeks ahead, when no demo class runs, staffed by supporters free then.</summary>
public static class EveningClasses
{
    public static readonly WeeklySlot WednesdayEvening = new(DayOfWeek.Wednesday, 17 * 60, 21 * 60);

    public static DateOnly WednesdayAfter(AppFactory app, int days)
    {
        var from = JapaneseTime.TodayInTokyo(app.Clock).AddDays(days);
        return from.AddDays(((int)DayOfWeek.Wednesday - (int)from.DayOfWeek + 7) % 7);
    }

    public static Task<int> ClassAsync(this AppFactory app, DateOnly date) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var course = await db.Courses.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var venue = await db.Venues.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var startsAt = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(18, 0)));
        var result = await s.GetRequiredService<ClassScheduleService>().CreateSessionAsync(
            new SessionDraft(course, venue, startsAt, startsAt.AddHours(2), 8, 60, 2, "筆記用具"), default);
        return Assert.IsType<ScheduleResult.Saved>(result).Id;
    });

    public static Task<int> EveningSupporterAsync(this AppFactory app, string name, SupporterStatus status = SupporterStatus.Certified) =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var supporter = new Supporter
            {
                Name = name, Kana = "てすと", Phone = TestData.NextPhone(), Email = $"{Guid.NewGuid():N}@example.jp", Status = status,
                KnowsAndroid = true, KnowsIPhone = true, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                WeeklyAvailability = [new WeeklyAvailability { Weekday = WednesdayEvening.Weekday, StartMinute = WednesdayEvening.StartMinute, EndMinute = WednesdayEvening.EndMinute }],
            };
            db.Supporters.Add(supporter);
            await db.SaveChangesAsync();
            return supporter.Id;
        });

    public static Task<AssignResult> AssignAsync(this AppFactory app, int session, int supporter, AssignmentRole role) =>
        app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().AssignAsync(session, supporter, role, default));

    public static Task<int> DemoSupporterAsync(this AppFactory app) =>
        app.WithDbAsync(db => db.Supporters.Where(s => s.Email == DemoAccounts.SupporterEmail).Select(s => s.Id).SingleAsync());
}
