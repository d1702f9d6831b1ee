using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Consultations;

/// <summary>Consultation schedules, helpers and bookings made the way the app makes them, for the consultation tests.</summary>
public static class ConsultationTestData
{
    /// <summary>
    /// Rests every supporter so far, the demo ones and earlier tests' (so only the test's own can help), and picks a weekday
    /// <paramref name="weekOffset"/> weeks ahead that is not a holiday. Returns that date and the first venue.
    /// </summary>
    public static async Task<(DateOnly Date, int VenueId)> RestSupportersAndPickWeekdayAsync(this AppFactory app, int weekOffset)
    {
        await app.WithDbAsync(db => db.Supporters.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SupporterStatus.Inactive)));
        var date = JapaneseTime.TodayInTokyo(app.Clock).AddDays(7 * weekOffset);
        var holidays = app.Services.GetRequiredService<HolidayCalendar>();
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.NameOf(date) is not null) date = date.AddDays(1);
        var venue = await app.WithDbAsync(db => db.Venues.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());
        return (date, venue);
    }

    /// <summary>A one-day schedule of 30-minute slots (at the first venue unless by phone or online).</summary>
    public static async Task<ConsultationSchedule> AddConsultationDayAsync(
        this AppFactory app, DateOnly date, TimeOnly start, TimeOnly end, int bufferMinutes = 0, int parallel = 1, ConsultationMode mode = ConsultationMode.AtVenue)
    {
        var venue = mode == ConsultationMode.AtVenue ? await app.WithDbAsync(db => db.Venues.OrderBy(v => v.Id).Select(v => (int?)v.Id).FirstAsync()) : null;
        return await app.AddConsultationScheduleAsync(
            new ConsultationScheduleDraft(mode, venue, date, date, [date.DayOfWeek], null, start, end, 30, bufferMinutes, parallel));
    }

    /// <summary>A Certified supporter with e-mail, free on one weekday between two minutes of the day.</summary>
    public static Task<int> AddHelperAsync(this AppFactory app, string name, DayOfWeek day, int fromMinute, int untilMinute, bool android = true, bool iPhone = true) =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var supporter = new Supporter
            {
                Name = name, Kana = "しえん", Phone = TestData.NextPhone(), Email = $"{Guid.NewGuid():N}@example.jp", Status = SupporterStatus.Certified,
                KnowsAndroid = android, KnowsIPhone = iPhone, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                WeeklyAvailability = [new WeeklyAvailability { Weekday = day, StartMinute = fromMinute, EndMinute = untilMinute }],
            };
            db.Supporters.Add(supporter);
            await db.SaveChangesAsync();
            return supporter.Id;
        });

    /// <summary>Books a slot as a coordinator on the phone would; the slot must be bookable.</summary>
    public static async Task<string> BookConsultationAsync(this AppFactory app, int scheduleId, DateTime startsAtUtc, BookingRequest resident, params string[] topics)
    {
        var booked = await app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>().BookAsync(
            new ConsultationRequest(scheduleId, startsAtUtc, resident, topics.Length == 0 ? ["line"] : topics, null), BookingChannel.Phone, default));
        return Assert.IsType<ConsultationResult.Booked>(booked).Code;
    }
}
