using SumahoSupport.Core.Messaging;

namespace SumahoSupport.Tests.Messaging;

/// <summary>No LINE, text or call between <c>QuietFrom</c> and <c>QuietUntil</c> (Tokyo), which may wrap midnight.</summary>
public sealed class QuietHoursTests
{
    [Theory]
    [InlineData("2027-03-10 19:59", "2027-03-10 19:59")]
    [InlineData("2027-03-10 20:00", "2027-03-11 09:00")]
    [InlineData("2027-03-10 23:59", "2027-03-11 09:00")]
    [InlineData("2027-03-31 23:30", "2027-04-01 09:00")]
    [InlineData("2027-03-11 00:00", "2027-03-11 09:00")]
    [InlineData("2027-03-11 08:59", "2027-03-11 09:00")]
    [InlineData("2027-03-11 09:00", "2027-03-11 09:00")]
    public void TheDefaultEveningToMorning_WaitsUntilNine(string tokyo, string allowed) =>
        Assert.Equal(At(allowed), new QuietHoursOptions().NextAllowed(At(tokyo)));

    [Fact]
    public void QuietHoursWithinOneDay_AndNone()
    {
        var lunch = new QuietHoursOptions { QuietFrom = new(12, 0), QuietUntil = new(13, 0) };
        Assert.Equal(At("2027-03-10 13:00"), lunch.NextAllowed(At("2027-03-10 12:30")));
        Assert.Equal(At("2027-03-10 13:00"), lunch.NextAllowed(At("2027-03-10 13:00")));
        var none = new QuietHoursOptions { QuietFrom = new(0, 0), QuietUntil = new(0, 0) };
        Assert.Equal(At("2027-03-10 23:00"), none.NextAllowed(At("2027-03-10 23:00")));
    }

    private static DateTime At(string tokyo) => DateTime.ParseExact(tokyo, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
