using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Consultations;

/// <summary>相談記録 over HTTP: a booked consultation recorded by its supporter, a walk-in, and the warning about digit runs.</summary>
public sealed class SupportLogTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("暗証番号は1234でした", true)]
    [InlineData("カード １２３４ ５６７８", true)]
    [InlineData("090-1234-5678 に電話", true)]
    [InlineData("iPhone 15 の設定", false)]
    [InlineData("LINEの友だち追加", false)]
    [InlineData(null, false)]
    public void DigitRuns_ThatLookLikeSecrets_AreNoticed(string? note, bool warned) =>
        Assert.Equal(warned, SupportLogText.LooksLikeSecretNumber(note));

    [Fact]
    public async Task TheSupporterRecordsTheirConsultation_IsWarnedAboutDigits_AndTheMinutesCountAsHours()
    {
        // 佐藤 (the demo supporter with a login) is the only one who can help; the slot is late in a weekday afternoon.
        var me = await app.WithDbAsync(db => db.Supporters.Where(s => s.Email == DemoAccounts.SupporterEmail).Select(s => s.Id).SingleAsync());
        await app.WithDbAsync(db => db.Supporters.Where(s => s.Id != me).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SupporterStatus.Inactive)));
        var date = JapaneseTime.TodayInTokyo(app.Clock).AddDays(1);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        var schedule = await app.AddPhoneConsultationDayAsync(date, new TimeOnly(16, 30), new TimeOnly(17, 0));
        var start = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(16, 30)));
        var booked = await app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>().BookAsync(
            new ConsultationRequest(schedule.Id, start, TestData.Resident(), ["mynaportal"], null), BookingChannel.Phone, default));
        var code = Assert.IsType<ConsultationResult.Booked>(booked).Code;

        var supporter = app.CreateBrowserLikeClient();
        using var _ = await supporter.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        var url = $"/Supporter/Logs/New?booking={code}";
        var record = new Dictionary<string, string>
        {
            ["Input.Minutes"] = "４５", ["Input.Resolution"] = "Partly", ["Input.FollowUpNeeded"] = "true", ["Input.ReferredTo"] = "市役所窓口",
            ["Input.Note"] = "暗証番号 1234 を再設定",
        };
        using (var early = await supporter.SubmitFormAsync(url, record)) Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        app.Clock.Advance(start - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(40));
        // The sign-in lasts 8 hours and the clock has just moved past the consultation.
        using var __ = await supporter.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        var assigned = (await supporter.GetDocumentAsync("/Supporter/Logs")).QuerySelector("#assigned")!;
        Assert.Contains(code, assigned.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("かける番号:", assigned.TextContent, StringComparison.Ordinal);

        using var warned = await supporter.SubmitFormAsync(url, record);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, warned.StatusCode);
        Assert.StartsWith("メモに数字の並びがあります。", (await Forms.ParseAsync(warned)).QuerySelector("#Input_Note-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.SupportLogs.AnyAsync()));

        record["Input.Note"] = "マイナポータルの再設定は窓口を案内";
        using var saved = await supporter.SubmitFormAsync(url, record);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var log = await app.WithDbAsync(db => db.SupportLogs.AsNoTracking().SingleAsync());
        Assert.Equal((me, ConsultationMode.Phone, 45, Resolution.Partly, true, "市役所窓口", "mynaportal", start),
            (log.SupporterId, log.Mode, log.Minutes, log.Resolution, log.FollowUpNeeded, log.ReferredTo, log.Topics, log.HeldAtUtc));
        Assert.Equal(ConsultationStatus.Attended, await app.WithDbAsync(db => db.ConsultationBookings.Where(b => b.Code == code).Select(b => b.Status).SingleAsync()));
        using (var again = await supporter.SubmitFormAsync(url, record)) Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        // The form for a booked consultation starts at its booked time.
        var form = await supporter.GetDocumentAsync(url);
        Assert.Equal((date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "16:30"),
            (form.QuerySelector("#Input_HeldDate")!.GetAttribute("value"), form.QuerySelector("#Input_HeldTime")!.GetAttribute("value")));

        // A walk-in on the phone that morning, with no booking, written up in the evening: it keeps the time it was held
        // (the same day, so the same 年度 for the hours below); a time still to come is refused.
        var heldDay = date;
        var walkInFields = new Dictionary<string, string>
        {
            ["Input.Mode"] = "Phone", ["Input.Topics"] = "scam", ["Input.Minutes"] = "15", ["Input.Resolution"] = "Resolved",
            ["Input.HeldDate"] = JapaneseTime.TodayInTokyo(app.Clock).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Input.HeldTime"] = "10:00",
        };
        using (var ahead = await supporter.SubmitFormAsync("/Supporter/Logs/New", walkInFields))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, ahead.StatusCode);
            Assert.Equal("相談した日時に、これから先の日時は入れられません。", (await Forms.ParseAsync(ahead)).QuerySelector("#Input_HeldDate-error")!.TextContent.Trim());
        }
        walkInFields["Input.HeldDate"] = heldDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var walkIn = await supporter.SubmitFormAsync("/Supporter/Logs/New", walkInFields);
        Assert.Equal(HttpStatusCode.Redirect, walkIn.StatusCode);
        Assert.Equal(JapaneseTime.ToUtc(heldDay.ToDateTime(new TimeOnly(10, 0))),
            await app.WithDbAsync(db => db.SupportLogs.Where(l => l.ConsultationBookingId == null).Select(l => l.HeldAtUtc).SingleAsync()));
        var logs = await supporter.GetDocumentAsync("/Supporter/Logs");
        Assert.Equal(2, logs.QuerySelectorAll("#logs tbody tr").Length);

        // Someone else's booking is not found; the minutes join the supporter's hours for the year.
        using (var notMine = await supporter.GetAsync("/Supporter/Logs/New?booking=AAA-AAA")) Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        var fiscalYear = FiscalYear.OfUtc(start);
        var hours = Assert.Single(await app.WithScopeAsync(s => s.GetRequiredService<VolunteerHours>().ForYearAsync(fiscalYear, default, me)));
        Assert.Equal(2, hours.Consultations);
        Assert.Equal(await ClassMinutesAsync(me, fiscalYear) + 45 + 15, hours.Minutes);
    }

    private Task<int> ClassMinutesAsync(int supporterId, int fiscalYear) => app.WithScopeAsync(async s =>
    {
        var (from, until) = FiscalYear.UtcRange(fiscalYear);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var sessions = await s.GetRequiredService<Core.Data.AppDbContext>().Assignments
            .Where(a => a.SupporterId == supporterId && !a.Absent && a.ClassSession.Status != Core.Classes.ClassSessionStatus.Cancelled
                && a.ClassSession.EndsAtUtc <= now && a.ClassSession.StartsAtUtc >= from && a.ClassSession.StartsAtUtc < until)
            .Select(a => new { a.ClassSession.StartsAtUtc, a.ClassSession.EndsAtUtc }).ToListAsync();
        return (int)sessions.Sum(x => (x.EndsAtUtc - x.StartsAtUtc).TotalMinutes);
    });
}
