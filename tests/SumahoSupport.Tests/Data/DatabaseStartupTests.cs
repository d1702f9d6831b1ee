using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Seeding;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Data;

public sealed class DatabaseStartupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Start_FindsEveryMigrationApplied()
    {
        _ = app.Server;
        var (applied, all) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Equal(AppFactory.Provider switch
        {
            DatabaseProviders.PostgreSql => "Npgsql.EntityFrameworkCore.PostgreSQL",
            DatabaseProviders.SqlServer => "Microsoft.EntityFrameworkCore.SqlServer",
            _ => "Microsoft.EntityFrameworkCore.Sqlite",
        }, await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName)));
    }

    [Fact]
    public async Task Seed_LoadsTheWholeCourseCatalogueWithItsLearningGoals()
    {
        _ = app.Server;
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "courses.json"), TestContext.Current.CancellationToken));
        var expectedGoals = file.RootElement.EnumerateArray().Sum(c => c.GetProperty("learningGoals").GetArrayLength());
        var (courses, goals) = await app.WithDbAsync(async db => (await db.Courses.CountAsync(), await db.LearningGoals.CountAsync()));
        Assert.Equal(file.RootElement.GetArrayLength(), courses);
        Assert.Equal(expectedGoals, goals);
    }

    [Fact]
    public async Task Seed_RunAgain_AddsNothing()
    {
        _ = app.Server;
        int[] before = [];
        await app.WithScopeAsync(async s => before = await CountAllSequentially(s));
        await app.WithScopeAsync(s => s.GetRequiredService<SeedLoader>().SeedAsync(CancellationToken.None));
        int[] after = [];
        await app.WithScopeAsync(async s => after = await CountAllSequentially(s));
        Assert.Equal(before, after);
        Assert.All(before, count => Assert.True(count > 0));

        // One DbContext cannot run queries in parallel, so count one after another.
        static async Task<int[]> CountAllSequentially(IServiceProvider s)
        {
            var db = s.GetRequiredService<AppDbContext>();
            return [await db.Courses.CountAsync(), await db.Venues.CountAsync(), await db.ClassSessions.CountAsync(),
                await db.Supporters.CountAsync(), await db.TrainingModules.CountAsync(), await db.Users.CountAsync(), await db.Roles.CountAsync()];
        }
    }

    [Fact]
    public async Task DemoSchedule_CoversTheNextEightWeeksFromTomorrow()
    {
        _ = app.Server;
        var starts = await app.WithDbAsync(db => db.ClassSessions.Select(s => s.StartsAtUtc).ToListAsync());
        var today = JapaneseTime.TodayInTokyo(app.Clock);
        var days = starts.Select(s => DateOnly.FromDateTime(JapaneseTime.ToTokyo(s)).DayNumber - today.DayNumber).ToList();
        Assert.All(days, d => Assert.InRange(d, 1, 56));
        Assert.Contains(days, d => d <= 7);
        Assert.Contains(days, d => d > 49);
    }

    [Fact]
    public async Task DemoSessions_CloseAnHourBeforeAndTheirSeatsMatchTheirBookings()
    {
        _ = app.Server;
        var sessions = await app.WithDbAsync(db => db.ClassSessions.AsNoTracking().ToListAsync());
        Assert.All(sessions, s =>
        {
            Assert.Equal(ClassSessionStatus.Scheduled, s.Status);
            Assert.Equal(s.StartsAtUtc.AddHours(-1), s.BookingClosesAtUtc);
            Assert.True(s.EndsAtUtc > s.StartsAtUtc);
        });
        foreach (var session in sessions) await app.AssertSeatCounterMatchesBookingsAsync(session.Id);
    }

    [Fact]
    public async Task DemoData_HasAFullClassWithAWaitingListAndStaffedEarlyWeeks()
    {
        _ = app.Server;
        var full = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Confirmed == s.Capacity)
            .Select(s => s.Bookings.Count(b => b.Status == SumahoSupport.Core.Bookings.BookingStatus.Waitlisted)).ToListAsync());
        Assert.Contains(full, waiting => waiting > 0);
        var staffed = await app.WithDbAsync(db => db.ClassSessions.CountAsync(s => s.Assignments.Any()));
        var all = await app.WithDbAsync(db => db.ClassSessions.CountAsync());
        Assert.InRange(staffed, 1, all - 1);
    }
}
