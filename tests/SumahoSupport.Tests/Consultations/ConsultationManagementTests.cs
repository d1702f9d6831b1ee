using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Consultations;

/// <summary>
/// What coordinators do with consultations over HTTP: hand one to another supporter, schedule days by an RRULE, record a
/// walk-in for a supporter, and read every record and the analysis — without residents' names.
/// </summary>
public sealed class ConsultationManagementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Coordinator_HandsAConsultationToAnotherSupporter_TheOldOneGetsACancel_TheNewOneAnInvitation()
    {
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 1);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(10, 30), parallel: 2);
        var first = await app.AddHelperAsync("最初 担当", date.DayOfWeek, 9 * 60, 12 * 60);
        var second = await app.AddHelperAsync("二人目 担当", date.DayOfWeek, 9 * 60, 12 * 60);
        var start = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0)));
        // Equal weeks, so the first booking goes to the first supporter and the second, at the same time, to the other.
        var code = await app.BookConsultationAsync(schedule.Id, start, TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp"));
        await app.BookConsultationAsync(schedule.Id, start, TestData.Resident());
        var (assigned, busy) = (first, second);
        Assert.Equal(first, await app.WithDbAsync(db => db.ConsultationBookings.Where(b => b.Code == code).Select(b => b.SupporterId!.Value).SingleAsync()));
        var offDuty = await app.AddHelperAsync("休み 三人目", date.DayOfWeek, 13 * 60, 17 * 60);
        var resting = await app.WithDbAsync(db => db.Supporters.Where(s => s.Status == SupporterStatus.Inactive).Select(s => s.Id).FirstAsync());

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var url = $"/Coordinator/Consultations/{code}";
        var page = await coordinator.GetDocumentAsync(url);
        Assert.Equal("最初 担当", page.QuerySelector("#consultation-supporter")!.TextContent);
        var options = page.QuerySelectorAll("#SupporterId option").ToDictionary(o => int.Parse(o.GetAttribute("value")!, CultureInfo.InvariantCulture), o => (o.TextContent, Disabled: o.HasAttribute("disabled")));
        Assert.Equal(("休み 三人目（活動できる時間の外）", false), options[offDuty]);
        Assert.True(options[busy].Disabled);
        Assert.DoesNotContain(assigned, options.Keys);

        // The busy one (forced past the disabled option) and a rested supporter are refused, and nothing changes.
        foreach (var (refused, message) in new[] { (busy, "選んだ支援員は、同じ時間に別の担当（教室・相談）があります。"), (resting, "選んだ人は、いま相談を担当できる支援員（認定・リーダー）ではありません。") })
        {
            using var response = await coordinator.SubmitFormAsync(url, new Dictionary<string, string> { ["SupporterId"] = refused.ToString(CultureInfo.InvariantCulture) }, "form#reassign");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(message, (await Forms.ParseAsync(response)).QuerySelector("#SupporterId-error")!.TextContent);
        }
        Assert.Equal(assigned, await app.WithDbAsync(db => db.ConsultationBookings.Where(b => b.Code == code).Select(b => b.SupporterId!.Value).SingleAsync()));

        var before = await app.WithDbAsync(db => db.OutboxMessages.MaxAsync(m => m.Id));
        using var changed = await coordinator.SubmitFormAsync(url, new Dictionary<string, string> { ["SupporterId"] = offDuty.ToString(CultureInfo.InvariantCulture) }, "form#reassign");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("休み 三人目", (await coordinator.GetDocumentAsync(url)).QuerySelector("#consultation-supporter")!.TextContent);

        var emails = await app.WithDbAsync(db => db.Supporters.Where(s => s.Id == assigned || s.Id == offDuty).ToDictionaryAsync(s => s.Id, s => s.Email!));
        var mails = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id > before).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([("supporter-consultation-cancelled", emails[assigned], "CANCEL"), ("supporter-consultation", emails[offDuty], "REQUEST")],
            mails.Select(m => (m.Kind, m.ToAddress, m.CalendarMethod!)));
        Assert.Contains("担当が別の支援員に替わりました", mails[0].TextBody, StringComparison.Ordinal);
        // Each supporter has an event of their own, so the withdrawal cannot remove the new supporter's.
        Assert.Contains($"UID:consultation-{code}-supporter-{assigned}@", mails[0].CalendarIcs!, StringComparison.Ordinal);
        Assert.Contains($"UID:consultation-{code}-supporter-{offDuty}@", mails[1].CalendarIcs!, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", mails[0].CalendarIcs!, StringComparison.Ordinal);
        Assert.Single(await app.AuditEntriesAsync("consultation.reassigned"), e => e.SubjectId == code);
    }

    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=2TU", null)]
    [InlineData("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", null)]
    [InlineData("FREQ=HOURLY", "繰り返しは日・週・月・年の単位で指定してください（時刻は「始まりの時刻」「終わりの時刻」で決めます）。")]
    [InlineData("FREQ=DAILY;BYHOUR=10", "繰り返しは日・週・月・年の単位で指定してください（時刻は「始まりの時刻」「終わりの時刻」で決めます）。")]
    [InlineData("毎月第2火曜", "繰り返しのルールを読み取れませんでした。例: FREQ=MONTHLY;BYDAY=2TU（毎月第2火曜）")]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "このルールでは、始まりの日から終わりの日までに相談日がありません。")]
    public void RecurrenceRules_AreCheckedBeforeTheyAreSaved(string rule, string? problem) =>
        Assert.Equal(problem, ConsultationRecurrence.Problem(rule, new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 31)));

    [Fact]
    public async Task AScheduleByRRule_OffersOnlyItsDays()
    {
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        // Six whole months from the month after next.
        var soon = JapaneseTime.TodayInTokyo(app.Clock).AddMonths(2);
        var first = new DateOnly(soon.Year, soon.Month, 1);
        var last = first.AddMonths(6).AddDays(-1);
        var values = new Dictionary<string, string>
        {
            ["Input.Mode"] = "Phone", ["Input.FirstDate"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.LastDate"] = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.StartTime"] = "10:00",
            ["Input.EndTime"] = "11:00", ["Input.SlotMinutes"] = "30", ["Input.BufferMinutes"] = "0", ["Input.Parallel"] = "1",
            ["Input.RecurrenceRule"] = "FREQ=HOURLY",
        };
        using (var wrong = await coordinator.SubmitFormAsync("/Coordinator/Consultations", values, "form#add-schedule"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            Assert.StartsWith("繰り返しは日・週・月・年の単位で", (await Forms.ParseAsync(wrong)).QuerySelector("#Input_RecurrenceRule-error")!.TextContent, StringComparison.Ordinal);
        }
        values["Input.RecurrenceRule"] = " FREQ=MONTHLY;BYDAY=2TU ";
        using var added = await coordinator.SubmitFormAsync("/Coordinator/Consultations", values, "form#add-schedule");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var schedule = await app.WithDbAsync(db => db.ConsultationSchedules.AsNoTracking().OrderByDescending(s => s.Id).FirstAsync());
        Assert.Equal(("FREQ=MONTHLY;BYDAY=2TU", 0), (schedule.RecurrenceRule, schedule.Weekdays));

        // 毎月第2火曜 of those six months, but not on a public holiday. Two slots each.
        var holidays = app.Services.GetRequiredService<HolidayCalendar>();
        var expected = Enumerable.Range(0, 6).Select(i => first.AddMonths(i)).Select(m => TestDates.NthWeekday(m.Year, m.Month, DayOfWeek.Tuesday, 2))
            .Where(d => holidays.NameOf(d) is null).Select(d => $"{d.Month}/{d.Day}").ToList();
        var slots = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<ConsultationService>().SlotsOf(schedule, schedule.FirstDate, schedule.LastDate).ToList()));
        Assert.Equal(expected, slots.Select(s => JapaneseTime.ToTokyo(s.StartsAtUtc)).Select(t => $"{t.Month}/{t.Day}").Distinct());
        Assert.Equal(2 * expected.Count, slots.Count);
        Assert.Contains("FREQ=MONTHLY;BYDAY=2TU", (await coordinator.GetDocumentAsync("/Coordinator/Consultations")).QuerySelector("#schedules")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_RecordsForSupporters_AndSeesEveryRecord_WithoutResidentNames()
    {
        var (date, venue) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 3);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(15, 0), new TimeOnly(15, 30));
        var helper = await app.AddHelperAsync("記録 代理", date.DayOfWeek, 9 * 60, 17 * 60);
        var start = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(15, 0)));
        var code = await app.BookConsultationAsync(schedule.Id, start, TestData.Resident(kana: "ひみつ はなこ") with { Name = "秘密 花子" }, "payment");

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var walkIn = new Dictionary<string, string>
        {
            ["Input.Mode"] = "AtVenue", ["Input.VenueId"] = venue.ToString(CultureInfo.InvariantCulture), ["Input.Topics"] = "mynumber-card", ["Input.Minutes"] = "２０",
            ["Input.Resolution"] = "NotResolved", ["Input.FollowUpNeeded"] = "true", ["Input.ReferredTo"] = "市役所窓口",
        };
        using (var nobody = await coordinator.SubmitFormAsync("/Coordinator/Consultations/Logs/New", walkIn))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
            Assert.Equal("相談を受けた支援員を選んでください。", (await Forms.ParseAsync(nobody)).QuerySelector("#SupporterId-error")!.TextContent);
        }
        walkIn["SupporterId"] = helper.ToString(CultureInfo.InvariantCulture);
        using (var saved = await coordinator.SubmitFormAsync("/Coordinator/Consultations/Logs/New", walkIn)) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var walkInLog = await app.WithDbAsync(db => db.SupportLogs.AsNoTracking().SingleAsync(l => l.SupporterId == helper));
        Assert.Equal((venue, 20, Resolution.NotResolved, true, (int?)null), (walkInLog.VenueId!.Value, walkInLog.Minutes, walkInLog.Resolution, walkInLog.FollowUpNeeded, walkInLog.ConsultationBookingId));

        // The booked one, once held, recorded on the supporter's behalf from the consultation's page.
        app.Clock.Advance(start - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(35));
        using var __ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var link = (await coordinator.GetDocumentAsync($"/Coordinator/Consultations/{code}")).QuerySelector("a[href*='Logs/New?booking=']")!.GetAttribute("href")!;
        using (var booked = await coordinator.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Minutes"] = "30", ["Input.Resolution"] = "Resolved" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
            var shown = await coordinator.GetDocumentAsync(booked.Headers.Location!.OriginalString);
            Assert.Equal("相談済み", shown.QuerySelector("#consultation-status")!.TextContent);
            Assert.Contains("決済・QRコード", shown.QuerySelector("#consultation-log")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(helper, await app.WithDbAsync(db => db.SupportLogs.Where(l => l.Booking!.Code == code).Select(l => l.SupporterId).SingleAsync()));

        // Every record for the coordinator, with the supporter's name and the booking code, never the resident's name. The
        // list is one fiscal year's; the walk-in (recorded today) and the booked one (weeks on) may fall in two.
        var list = await coordinator.GetDocumentAsync("/Coordinator/Consultations/Logs");
        var years = new[] { walkInLog.HeldAtUtc, start }.Select(t => FiscalYear.OfUtc(t)).Distinct();
        var rows = 0;
        foreach (var year in years)
            rows += (await coordinator.GetDocumentAsync($"/Coordinator/Consultations/Logs?fy={year}")).QuerySelectorAll("#logs tbody tr")
                .Count(r => r.TextContent.Contains("記録 代理", StringComparison.Ordinal));
        Assert.Equal(2, rows);
        Assert.Contains(code, list.Body!.TextContent, StringComparison.Ordinal);
        var analysis = await coordinator.GetAsync("/Coordinator/Consultations/Analytics");
        foreach (var body in new[] { list.Body!.InnerHtml, await analysis.Content.ReadAsStringAsync(), await coordinator.GetStringAsync("/Coordinator/Consultations/Logs?format=csv") })
            Assert.DoesNotContain("秘密", body, StringComparison.Ordinal);

        // Closing the follow-up takes it off the open list.
        var open = await coordinator.GetDocumentAsync("/Coordinator/Consultations/Logs?open=true");
        Assert.NotNull(open.QuerySelector($"tr[data-log='{walkInLog.Id}'] form"));
        using (var done = await coordinator.SubmitFormAsync("/Coordinator/Consultations/Logs?open=true", new Dictionary<string, string>(), $"tr[data-log='{walkInLog.Id}'] form"))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Null((await coordinator.GetDocumentAsync("/Coordinator/Consultations/Logs?open=true")).QuerySelector($"tr[data-log='{walkInLog.Id}']"));
        Assert.Equal(DemoAccounts.CoordinatorEmail, await app.WithDbAsync(db => db.SupportLogs.Where(l => l.Id == walkInLog.Id).Select(l => l.FollowUpDoneBy).SingleAsync()));

        // Supporters do not see the coordinators' pages.
        var supporter = app.CreateBrowserLikeClient();
        using var ___ = await supporter.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        foreach (var page in new[] { "/Coordinator/Consultations/Logs", "/Coordinator/Consultations/Analytics", $"/Coordinator/Consultations/{code}", "/Coordinator/Consultations/Logs/New" })
        {
            using var refused = await supporter.GetAsync(page);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{page} → {refused.StatusCode}");
        }
    }

    [Fact]
    public async Task Analytics_MatchHandCountedRecords_ByJapanTimeMonth_PlaceAndTopic()
    {
        // Fiscal year 2030, which no other test reaches. Times are Japan time.
        var venue = await app.WithDbAsync(db => db.Venues.AsNoTracking().OrderBy(v => v.Id).FirstAsync());
        var (v1, v1Name) = (venue.Id, venue.Name);
        var helper = await app.AddHelperAsync("分析 対象", DayOfWeek.Monday, 9 * 60, 17 * 60);
        await app.WithDbAsync<int>(async db =>
        {
            SupportLog Log(int y, int mo, int d, int h, int mi, ConsultationMode mode, int? venue, string topics, Resolution result, int minutes, bool followUp = false, bool done = false) => new()
            {
                SupporterId = helper, Mode = mode, VenueId = venue, HeldAtUtc = JapaneseTime.ToUtc(new DateTime(y, mo, d, h, mi, 0)), Minutes = minutes,
                Topics = topics, Resolution = result, FollowUpNeeded = followUp, FollowUpDoneAtUtc = done ? new DateTime(2030, 6, 1, 0, 0, 0, DateTimeKind.Utc) : null,
                CreatedAtUtc = new DateTime(2030, 6, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            db.SupportLogs.AddRange(
                Log(2030, 4, 10, 10, 0, ConsultationMode.AtVenue, v1, "line,photos", Resolution.Resolved, 30),
                Log(2030, 4, 30, 23, 30, ConsultationMode.AtVenue, v1, "line", Resolution.Partly, 45, followUp: true),
                // 08:00 on 1 May in Japan is still 30 April in UTC: it counts in May.
                Log(2030, 5, 1, 8, 0, ConsultationMode.Phone, null, "scam", Resolution.NotResolved, 20, followUp: true, done: true),
                Log(2031, 3, 31, 20, 0, ConsultationMode.Phone, null, "line,settings", Resolution.Resolved, 60),
                // The next fiscal year.
                Log(2031, 4, 1, 9, 0, ConsultationMode.Phone, null, "line", Resolution.Resolved, 90));
            return await db.SaveChangesAsync();
        });

        var figures = await app.WithScopeAsync(s => s.GetRequiredService<ConsultationAnalytics>().ForYearAsync(2030, default));
        // 4 records; 2 resolved = 50.0%; (30+45+20+60)/4 = 38.75 → 38.8 minutes; 1 follow-up open.
        Assert.Equal(new ConsultationSummary(4, 0, 4, 2, new Percent(0.5), 38.8, 1), figures.Summary);
        var months = figures.ByMonth.Rows.ToDictionary(r => (string)r[0]!);
        Assert.Equal(["2030年4月", 2, 0, 2, 1, new Percent(0.5), 37.5, 1, "LINE・写真"], months["2030年4月"]);
        Assert.Equal(["2030年5月", 1, 0, 1, 0, new Percent(0), 20.0, 0, "迷惑メール・詐欺"], months["2030年5月"]);
        Assert.Equal(["2031年3月", 1, 0, 1, 1, new Percent(1), 60.0, 0, "LINE・設定"], months["2031年3月"]);
        Assert.Equal(["2030年6月", 0, 0, 0, 0, null, null, 0, null], months["2030年6月"]);
        Assert.Equal(12, months.Count);
        var places = figures.ByPlace.Rows.ToDictionary(r => (string)r[0]!);
        Assert.Equal(2, places[v1Name][1]);
        Assert.Equal(2, places["電話で相談"][1]);
        var topicsByMonth = figures.TopicsByMonth;
        Assert.Equal(["内容", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月", "合計"], topicsByMonth.Columns);
        Assert.Equal(["LINE", 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3], topicsByMonth.Rows[0]);
        Assert.Equal(1, figures.TopicsByPlace.Rows.Single(r => (string)r[0]! == "迷惑メール・詐欺")[figures.TopicsByPlace.Columns.ToList().IndexOf("電話で相談")]);

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var page = await coordinator.GetDocumentAsync("/Coordinator/Consultations/Analytics?fy=2030");
        var summary = page.QuerySelector("#consultation-summary")!.TextContent;
        Assert.Contains("4件", summary, StringComparison.Ordinal);
        Assert.Contains("50.0%", summary, StringComparison.Ordinal);
        Assert.Equal("38.8分", page.QuerySelector("#average-minutes")!.TextContent);
        var csv = await coordinator.GetByteArrayAsync("/Coordinator/Consultations/Analytics?fy=2030&table=months&format=csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("2030年5月,1,0,1,0,0.0%,20,0,迷惑メール・詐欺\r\n", System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        using (var xlsx = await coordinator.GetAsync("/Coordinator/Consultations/Analytics?fy=2030&format=xlsx"))
            Assert.Equal(ReportExport.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);
        using (var unknown = await coordinator.GetAsync("/Coordinator/Consultations/Analytics?fy=2030&table=names&format=csv")) Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var pdf = await coordinator.GetAsync("/Coordinator/Consultations/Analytics?fy=2030&table=months&format=pdf")) Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);

        // The same figures in the 実績報告, with the supporter's consultation minutes in the hours.
        var report = await coordinator.GetDocumentAsync("/Coordinator/Report?fy=2030");
        Assert.Equal("4件（予約 0・予約なし 4）解決率 50.0%", report.QuerySelector("#consultations")!.TextContent);
        Assert.Equal("2.6時間", report.QuerySelector("#volunteer-hours")!.TextContent);
    }
}
