using SumahoSupport.Core.Text;

namespace SumahoSupport.Tests.Text;

public sealed class JapaneseTimeTests
{
    // 2026-11-24 10:00 in Tokyo is 01:00 UTC.
    private static readonly DateTime Start = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void FormatRange_WritesTokyoDateWeekdayAndTimes() =>
        Assert.Equal("11月24日(火) 10:00〜12:00", JapaneseTime.FormatRange(Start, Start.AddHours(2)));

    [Fact]
    public void FormatRange_WithYear_PrefixesTheYear() =>
        Assert.Equal("2026年11月24日(火) 10:00〜12:00", JapaneseTime.FormatRange(Start, Start.AddHours(2), withYear: true));

    [Fact]
    public void FormatDate_UsesTheTokyoDateNotTheUtcDate() =>
        // 2026-11-23 16:30 UTC is already 24 November, 01:30, in Tokyo.
        Assert.Equal("11月24日(火)", JapaneseTime.FormatDate(new DateTime(2026, 11, 23, 16, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public void FormatRange_OverMidnight_KeepsBothDates() =>
        Assert.Equal("11月24日(火) 22:00〜11月25日(水) 0:30",
            JapaneseTime.FormatRange(new DateTime(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 24, 15, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public void ToIsoTokyo_CarriesTheNineHourOffset() =>
        Assert.Equal("2026-11-24T10:00:00+09:00", JapaneseTime.ToIsoTokyo(Start));

    [Fact]
    public void ToUtc_IsTheInverseOfToTokyo() =>
        Assert.Equal(Start, JapaneseTime.ToUtc(new DateTime(2026, 11, 24, 10, 0, 0)));

    [Theory]
    [InlineData(2026, 11, 23, "令和8年11月23日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    [InlineData(1989, 1, 7, "昭和64年1月7日")]
    public void FormatWareki_NamesTheEraOfTheDayInTokyo(int year, int month, int day, string expected) =>
        // Midnight in Tokyo is 15:00 UTC the day before: the era is the Tokyo date's.
        Assert.Equal(expected, JapaneseTime.FormatWareki(JapaneseTime.ToUtc(new DateTime(year, month, day))));
}
