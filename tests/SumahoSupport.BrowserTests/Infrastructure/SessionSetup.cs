using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Infrastructure;

public static class SessionSetup
{
    /// <summary>A class three days from now, created through the app's own schedule service.</summary>
    public static async Task<int> CreateSessionAsync(this AppFactory app, int capacity)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var course = await db.Courses.Where(c => c.Code == "line-basics").Select(c => c.Id).SingleAsync();
        var venue = await db.Venues.OrderByDescending(v => v.LoanerDevices).Select(v => v.Id).FirstAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var start = new DateTime(now.Year, now.Month, now.Day, 1, 0, 0, DateTimeKind.Utc).AddDays(3);
        var result = await scope.ServiceProvider.GetRequiredService<ClassScheduleService>().CreateSessionAsync(
            new SessionDraft(course, venue, start, start.AddHours(2), capacity, 60, 2, "LINEを入れたスマホ"), CancellationToken.None);
        return Assert.IsType<ScheduleResult.Saved>(result).Id;
    }
}
