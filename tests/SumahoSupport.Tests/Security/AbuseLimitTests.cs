using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Consultations;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Security;

/// <summary>The app with the per-client limits it ships with (other test classes raise them: all their requests come from one test client).</summary>
public sealed class DefaultLimitsFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Limits:PublicPostsPerMinute", "20");
        builder.UseSetting("Limits:PublicPostsPerHour", "120");
    }
}

/// <summary>One client cannot post forms without end. A class of its own: the limiter counts every post this app instance sees.</summary>
public sealed class ClientRateLimitTests(DefaultLimitsFactory app) : IClassFixture<DefaultLimitsFactory>
{
    private static Dictionary<string, string> Form(string phone) => AbuseLimitTests.Form(phone);

    [Fact]
    public async Task OneClientPostingBookingsQuickly_IsStoppedAfterTheLimitWith429()
    {
        var session = await app.CreateSessionAsync(capacity: 10, startsIn: TimeSpan.FromDays(20));
        var client = app.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.SubmitAndConfirmAsync($"/Classes/{session}/Book", Form(TestData.NextPhone()));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("しばらくしてからお試しください", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(20, (await app.BookingsOfAsync(session)).Count);
        // Reading pages is never limited.
        using var page = await client.GetAsync($"/Classes/{session}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task EveryAddressOfOneIPv6Home_CountsAsOneClient()
    {
        // A phone or a home router picks any address of its /64: new addresses must not mean new allowances.
        var session = await app.CreateSessionAsync(capacity: 30, startsIn: TimeSpan.FromDays(20));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var client = app.CreateBrowserLikeClient(peer: $"2001:db8:77:1::{i + 1:x}");
            using var response = await client.SubmitAndConfirmAsync($"/Classes/{session}/Book", Form(TestData.NextPhone()));
            statuses.Add(response.StatusCode);
        }
        Assert.Equal((20, 5), (statuses.Count(s => s == HttpStatusCode.Redirect), statuses.Count(s => s == HttpStatusCode.TooManyRequests)));
    }
}

/// <summary>One phone number cannot fill a class's waiting list or every consultation slot.</summary>
public sealed class AbuseLimitTests(AppFactory app) : IClassFixture<AppFactory>
{

    /// <summary>How far from the app's clock a Tokyo hour on a coming day is, so classes meant for one day never straddle midnight.</summary>
    private TimeSpan TokyoTime(int daysAhead, int hour)
    {
        var day = JapaneseTime.TodayInTokyo(app.Clock).AddDays(daysAhead);
        return JapaneseTime.ToUtc(day.ToDateTime(new TimeOnly(hour, 0))) - app.Clock.GetUtcNow().UtcDateTime;
    }

    internal static Dictionary<string, string> Form(string phone) => new()
    {
        ["Input.Name"] = "山田 花子",
        ["Input.Kana"] = "やまだ はなこ",
        ["Input.Phone"] = phone,
        ["Input.Device"] = nameof(DeviceType.Android),
        ["Input.AgeBand"] = nameof(AgeBand.Seventies),
        ["Consent"] = "true",
    };

    [Fact]
    public async Task OnePhoneNumber_HoldsAtMostTwoWebBookingsADay_AndSixInAll()
    {
        var phone = TestData.NextPhone();
        var sameDay = new List<int>();
        for (var i = 0; i < 3; i++) sameDay.Add(await app.CreateSessionAsync(capacity: 5, startsIn: TokyoTime(daysAhead: 30, hour: 10 + (2 * i))));

        Assert.IsType<BookingResult.Booked>(await app.BookAsync(sameDay[0], TestData.Resident(phone)));
        Assert.IsType<BookingResult.Booked>(await app.BookAsync(sameDay[1], TestData.Resident(phone)));
        Assert.IsType<BookingResult.LimitReached>(await app.BookAsync(sameDay[2], TestData.Resident(phone)));

        for (var day = 1; day <= 4; day++)
        {
            var other = await app.CreateSessionAsync(capacity: 5, startsIn: TokyoTime(daysAhead: 30 + day, hour: 10));
            Assert.IsType<BookingResult.Booked>(await app.BookAsync(other, TestData.Resident(phone)));
        }
        var seventh = await app.CreateSessionAsync(capacity: 5, startsIn: TokyoTime(daysAhead: 40, hour: 10));
        Assert.IsType<BookingResult.LimitReached>(await app.BookAsync(seventh, TestData.Resident(phone)));

        // Staff booking by phone see who they book for and are not limited.
        var staff = TestData.Resident(phone) with { Channel = BookingChannel.Phone };
        Assert.IsType<BookingResult.Booked>(await app.BookAsync(seventh, staff, BookingKind.Proxy));
    }

    [Fact]
    public async Task TheLimitMessage_IsJapaneseAnd422()
    {
        var phone = TestData.NextPhone();
        var sessions = new List<int>();
        for (var i = 0; i < 3; i++) sessions.Add(await app.CreateSessionAsync(capacity: 5, startsIn: TokyoTime(daysAhead: 50, hour: 10 + (2 * i))));
        for (var i = 0; i < 2; i++)
        {
            using var ok = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{sessions[i]}/Book", Form(phone));
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using var refused = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{sessions[2]}/Book", Form(phone));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("お一人がお申し込みいただける数を超える", (await Forms.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentConsultationBookingsForOnePhone_StopAtTheDailyLimit()
    {
        var (date, venue) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 1);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(9, 0), new TimeOnly(15, 0), parallel: 4);
        for (var i = 0; i < 4; i++) await app.AddHelperAsync($"支援員{i}", date.DayOfWeek, 9 * 60, 17 * 60);
        var slots = await app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>().FreeSlotsAsync(ConsultationMode.AtVenue, venue, DeviceType.Android, 24, default));
        Assert.Equal(12, slots.Count);
        var phone = TestData.NextPhone();

        var results = await Task.WhenAll(slots.Take(12).Select(slot => app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>().BookAsync(
            new ConsultationRequest(schedule.Id, slot.StartsAtUtc, TestData.Resident(phone), ["line"], null), BookingChannel.Web, default))));

        Assert.Equal(2, results.Count(r => r is ConsultationResult.Booked));
        Assert.Equal(2, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.ConsultationBookings, b => b.Participant.Phone == phone && b.Status == ConsultationStatus.Confirmed)));
    }
}
