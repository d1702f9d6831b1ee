using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Classes;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// Dates a test needs, found from the app's clock and its holiday calendar rather than written down: a test that names
/// 2027-01-11 as 成人の日 stops working once that day has passed (see <see cref="TestClock"/>).
/// </summary>
public static class TestDates
{
    /// <summary>The first public holiday on or after <paramref name="from"/> that <paramref name="fits"/>.</summary>
    public static (DateOnly Date, string Name) NextHoliday(this AppFactory app, DateOnly from, Func<DateOnly, HolidayCalendar, bool>? fits = null)
    {
        var holidays = app.Services.GetRequiredService<HolidayCalendar>();
        for (var date = from; date < from.AddYears(2); date = date.AddDays(1))
        {
            if (holidays.NameOf(date) is { } name && (fits is null || fits(date, holidays))) return (date, name);
        }
        throw new InvalidOperationException($"seed/holidays-jp.json has no public holiday to use after {from:yyyy-MM-dd}: add the coming years' holidays.");
    }

    /// <summary>The <paramref name="n"/>th <paramref name="day"/> of a month (第2火曜 is n = 2).</summary>
    public static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    /// <summary>The RRULE name of a weekday (RFC 5545 BYDAY).</summary>
    public static string RRuleDay(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();
}
