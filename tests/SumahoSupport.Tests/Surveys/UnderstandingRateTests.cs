using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Tests.Surveys;

/// <summary>Values computed by hand from the Wilson score formula with z = 1.96.</summary>
public sealed class UnderstandingRateTests
{
    [Fact]
    public void NineOfTen_IsNinetyPercentWithItsWilsonInterval()
    {
        var rate = new UnderstandingRate(9, 10);
        Assert.Equal(0.9, rate.Rate!.Value, precision: 10);
        Assert.Equal(0.5958, rate.Interval!.Value.Low, precision: 4);
        Assert.Equal(0.9821, rate.Interval!.Value.High, precision: 4);
        Assert.True(rate.MeetsTarget(0.90));
    }

    [Fact]
    public void SixOfSix_ReachesOneButTheIntervalSaysHowLittleSixProve()
    {
        var rate = new UnderstandingRate(6, 6);
        Assert.Equal(1.0, rate.Rate);
        Assert.Equal(0.6097, rate.Interval!.Value.Low, precision: 4);
        Assert.Equal(1.0, rate.Interval!.Value.High, precision: 10);
    }

    [Fact]
    public void NoAnswers_IsNoRateAtAll_NotZero()
    {
        var rate = new UnderstandingRate(0, 0);
        Assert.Null(rate.Rate);
        Assert.Null(rate.Interval);
        Assert.False(rate.MeetsTarget(0.9));
    }

    [Fact]
    public void FromCounts_CountsTheTopTwoAnswersAsUnderstood() =>
        Assert.Equal(new UnderstandingRate(7, 10), UnderstandingRate.FromCounts(
        [
            (Understanding.WellUnderstood, 4), (Understanding.MostlyUnderstood, 3),
            (Understanding.NotReallyUnderstood, 2), (Understanding.DidNotUnderstand, 1),
        ]));

    [Theory]
    [InlineData(2026, 4, 1, 2026)]
    [InlineData(2027, 3, 31, 2026)]
    [InlineData(2026, 3, 31, 2025)]
    public void FiscalYear_RunsFromAprilToMarch(int year, int month, int day, int fiscal) =>
        Assert.Equal(fiscal, FiscalYear.Of(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2026, "令和8年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(1989, "平成元年度")]
    [InlineData(1988, "昭和63年度")]
    [InlineData(1926, "昭和元年度")]
    [InlineData(1925, "大正14年度")]
    [InlineData(1, "1年度")]
    public void FiscalYear_IsNamedInTheEraItFallsIn(int fiscal, string name) => Assert.Equal(name, FiscalYear.Name(fiscal));
}
