using System.Globalization;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Tests.Classes;

public sealed class RecurrenceTests
{
    private static SeriesDraft Draft(string rule, DateOnly first, TimeOnly? start = null) =>
        new(1, 1, first, start ?? new TimeOnly(10, 0), 120, rule, 8, 60, 0, null, KeepHolidays: false);

    private static List<string> TokyoDates(SeriesDraft draft) =>
        ClassScheduleService.Occurrences(draft)!.Select(u => JapaneseTime.ToTokyo(u).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void SecondTuesdayEachMonth_IsEvaluatedInTokyoTime() =>
        Assert.Equal(["2026-12-08 10:00", "2027-01-12 10:00", "2027-02-09 10:00"],
            TokyoDates(Draft("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", new DateOnly(2026, 12, 1))));

    [Fact]
    public void Occurrences_AreStoredInUtc() =>
        Assert.Equal(new DateTime(2026, 12, 8, 1, 0, 0, DateTimeKind.Utc),
            ClassScheduleService.Occurrences(Draft("FREQ=MONTHLY;BYDAY=2TU;COUNT=1", new DateOnly(2026, 12, 1)))![0]);

    [Fact]
    public void EveryOtherWeek_KeepsTheWeekday() =>
        Assert.Equal(["2026-12-02 10:00", "2026-12-16 10:00", "2026-12-30 10:00"],
            TokyoDates(Draft("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=3", new DateOnly(2026, 12, 2))));

    [Fact]
    public void ARuleWithoutAnEnd_StopsAfterAYear() =>
        Assert.Equal(53, ClassScheduleService.Occurrences(Draft("FREQ=WEEKLY;BYDAY=TU", new DateOnly(2026, 12, 1)))!.Count);

    [Theory]
    [InlineData("FREQ=SOMETIMES")]
    [InlineData("<script>")]
    [InlineData("FREQ=WEEKLY;COUNT=abc")]
    [InlineData("")]
    public void UnreadableRules_AreNull(string rule) =>
        Assert.Null(ClassScheduleService.Occurrences(Draft(rule, new DateOnly(2026, 12, 1))));
}

public sealed class HolidayCalendarTests
{
    private readonly HolidayCalendar calendar = new([new Core.Seeding.SeedFiles.HolidaySeed(new DateOnly(2028, 1, 1), "元日")]);

    [Fact]
    public void TheYearEndClosure_Runs29DecemberTo3January_AndAHolidayKeepsItsName()
    {
        Assert.Null(calendar.NameOf(new DateOnly(2027, 12, 28)));
        Assert.Equal(HolidayCalendar.YearEnd, calendar.NameOf(new DateOnly(2027, 12, 29)));
        Assert.Equal("元日", calendar.NameOf(new DateOnly(2028, 1, 1)));
        Assert.Equal(HolidayCalendar.YearEnd, calendar.NameOf(new DateOnly(2028, 1, 3)));
        Assert.Null(calendar.NameOf(new DateOnly(2028, 1, 4)));
    }
}
