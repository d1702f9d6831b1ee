using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Mail;

/// <summary>Moves the clock to a chosen Tokyo time, so it has a database of its own.</summary>
public sealed class ReminderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheDayBefore_FromTenOClock_MailsThoseWithEmailAndListsTheRestForACall_Once()
    {
        // Next 09:59 in Tokyo, and a class at 10:00 the day after.
        var tokyoNow = JapaneseTime.ToTokyo(app.Clock.GetUtcNow().UtcDateTime);
        var day = DateOnly.FromDateTime(tokyoNow).AddDays(TimeOnly.FromDateTime(tokyoNow) < new TimeOnly(9, 59) ? 0 : 1);
        app.Clock.SetUtcNow(new DateTimeOffset(JapaneseTime.ToUtc(day.ToDateTime(new TimeOnly(9, 59))), TimeSpan.Zero));
        var start = JapaneseTime.ToUtc(day.AddDays(1).ToDateTime(new TimeOnly(10, 0)));
        var session = await app.WithDbAsync(async db =>
        {
            var course = await db.Courses.FirstAsync();
            var venue = await db.Venues.FirstAsync();
            var added = db.ClassSessions.Add(new ClassSession
            {
                CourseId = course.Id, VenueId = venue.Id, StartsAtUtc = start, EndsAtUtc = start.AddHours(2),
                BookingClosesAtUtc = start.AddHours(-1), Capacity = 5, CreatedAtUtc = start.AddDays(-7),
            });
            await db.SaveChangesAsync();
            return added.Entity.Id;
        });
        var withEmail = Assert.IsType<SumahoSupport.Core.Bookings.BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: "remind@example.jp")));
        var phoneOnly = Assert.IsType<SumahoSupport.Core.Bookings.BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));

        Assert.Equal(0, await app.SendRemindersAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await app.SendRemindersAsync());
        Assert.Equal(0, await app.SendRemindersAsync());

        var reminder = (await app.OutboxAsync()).Single(m => m.Kind == "reminder" && m.ToAddress == "remind@example.jp");
        Assert.StartsWith("【みどり市】明日はスマホ教室の日です", reminder.Title, StringComparison.Ordinal);
        Assert.Contains(withEmail.Code, reminder.TextBody + reminder.RelatesTo, StringComparison.Ordinal);
        var call = await app.WithDbAsync(db => db.CallTasks.Include(c => c.Booking).SingleAsync(c => c.Reason == CallReason.Reminder));
        Assert.Equal(phoneOnly.Code, call.Booking!.Code);
    }
}
