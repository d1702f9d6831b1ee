using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Consultations;

/// <summary>
/// Consultations reach residents without e-mail the way classes do: the day-before reminder and a cancellation by the city
/// become calls on the 電話連絡リスト; residents with e-mail get the mails. Moves the clock to a chosen Tokyo time, so it
/// has a database of its own.
/// </summary>
public sealed class ConsultationCallListTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheDayBefore_MailsOrListsACall_Once_AndACancellationByTheCity_IsACallWithTheReason()
    {
        // Next 09:59 in Tokyo on a Monday to Thursday, and consultations at 14:00 and 14:30 the day after.
        var tokyoNow = JapaneseTime.ToTokyo(app.Clock.GetUtcNow().UtcDateTime);
        var day = DateOnly.FromDateTime(tokyoNow).AddDays(1);
        var holidays = app.Services.GetRequiredService<Core.Classes.HolidayCalendar>();
        while (day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.NameOf(day.AddDays(1)) is not null) day = day.AddDays(1);
        var tomorrow = day.AddDays(1);
        await app.RestSupportersAndPickWeekdayAsync(weekOffset: 0);
        var schedule = await app.AddConsultationDayAsync(tomorrow, new TimeOnly(14, 0), new TimeOnly(15, 0), mode: Core.Consultations.ConsultationMode.Phone);
        await app.AddHelperAsync("電話 担当", tomorrow.DayOfWeek, 13 * 60, 17 * 60);
        var withEmail = await app.BookConsultationAsync(schedule.Id, JapaneseTime.ToUtc(tomorrow.ToDateTime(new TimeOnly(14, 0))), TestData.Resident(email: "consult-remind@example.jp"));
        var phoneOnly = await app.BookConsultationAsync(schedule.Id, JapaneseTime.ToUtc(tomorrow.ToDateTime(new TimeOnly(14, 30))), TestData.Resident(kana: "でんわ のみ"));
        app.Clock.SetUtcNow(new DateTimeOffset(JapaneseTime.ToUtc(day.ToDateTime(new TimeOnly(9, 59))), TimeSpan.Zero));

        Assert.Equal(0, await app.SendRemindersAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await app.SendRemindersAsync());
        Assert.Equal(0, await app.SendRemindersAsync());

        var reminder = Assert.Single(await app.OutboxAsync(), m => m.Kind == "consultation-reminder");
        Assert.Equal(("consult-remind@example.jp", null), (reminder.ToAddress, reminder.CalendarMethod));
        Assert.StartsWith("【みどり市】明日はスマホ相談の日です", reminder.Title, StringComparison.Ordinal);
        Assert.Contains("支援員からお電話します", reminder.TextBody, StringComparison.Ordinal);
        var call = await app.WithDbAsync(db => db.CallTasks.AsNoTracking().Include(c => c.ConsultationBooking).SingleAsync(c => c.Reason == CallReason.Reminder));
        Assert.Equal((phoneOnly, (int?)null), (call.ConsultationBooking!.Code, call.BookingId));

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var calls = await coordinator.GetDocumentAsync("/Coordinator/Calls");
        var row = calls.QuerySelector($"tr[data-call='{call.Id}']")!.TextContent;
        Assert.Contains("明日のスマホ相談のご案内", row, StringComparison.Ordinal);
        Assert.Contains("電話で相談", row, StringComparison.Ordinal);
        Assert.Contains(phoneOnly, row, StringComparison.Ordinal);

        // The supporter fell ill: the city cancels both. A reason with markup is refused first.
        var url = $"/Coordinator/Consultations/{phoneOnly}";
        using (var markup = await coordinator.SubmitFormAsync(url, new Dictionary<string, string> { ["Reason"] = "<b>急病</b>" }, "form#cancel-consultation"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, markup.StatusCode);
        foreach (var code in new[] { phoneOnly, withEmail })
        {
            using var cancelled = await coordinator.SubmitFormAsync($"/Coordinator/Consultations/{code}", new Dictionary<string, string> { ["Reason"] = "担当の支援員が急病のため" }, "form#cancel-consultation");
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }
        var cancelCall = await app.WithDbAsync(db => db.CallTasks.AsNoTracking().SingleAsync(c => c.Reason == CallReason.Cancelled));
        Assert.Equal((call.ConsultationBookingId, "取り消しの理由: 担当の支援員が急病のため"), (cancelCall.ConsultationBookingId, cancelCall.Note));
        var residentMail = Assert.Single(await app.OutboxAsync(), m => m.Kind == "consultation-cancelled");
        Assert.Equal(("consult-remind@example.jp", "CANCEL"), (residentMail.ToAddress, residentMail.CalendarMethod));
        Assert.Contains("理由：担当の支援員が急病のため", residentMail.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, (await app.OutboxAsync()).Count(m => m.Kind == "supporter-consultation-cancelled"));
        Assert.Contains("スマホ相談の取り消し", (await coordinator.GetDocumentAsync("/Coordinator/Calls")).QuerySelector($"tr[data-call='{cancelCall.Id}']")!.TextContent, StringComparison.Ordinal);

        // Once cancelled, the page offers neither cancelling nor handing over again.
        var after = await coordinator.GetDocumentAsync(url);
        Assert.Equal("キャンセル済み", after.QuerySelector("#consultation-status")!.TextContent);
        Assert.Null(after.QuerySelector("form#cancel-consultation, form#reassign"));
    }
}
