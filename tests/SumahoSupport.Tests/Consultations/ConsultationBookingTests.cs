using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Pages.Consultations;

namespace SumahoSupport.Tests.Consultations;

/// <summary>
/// Consultation slots and bookings over HTTP and through the service: the free times, the supporter chosen, the mails, and
/// no double booking of a place or a supporter under concurrent requests. Every earlier supporter is rested, so each test's
/// own supporters are the only ones who can help.
/// </summary>
public sealed class ConsultationBookingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Slots_AreCutFromTheWindow_WithTheBuffer_AndOnlyWhereASupporterWithTheDeviceIsFree()
    {
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 1);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(12, 0), bufferMinutes: 10, parallel: 2);
        await app.AddHelperAsync("アンドロイド 担当", date.DayOfWeek, 9 * 60, 11 * 60 + 15, android: true, iPhone: false);

        var service = (DeviceType device) => app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>()
            .FreeSlotsAsync(ConsultationMode.AtVenue, schedule.VenueId, device, 50, default));
        // 10:00, 10:40 and 11:20 (30 minutes and 10 between); the supporter is free until 11:15, so 11:20 is not offered.
        var android = await service(DeviceType.Android);
        Assert.Equal(["10:00", "10:40"], android.Where(s => s.ScheduleId == schedule.Id).Select(s => JapaneseTime.FormatTime(s.StartsAtUtc)));
        Assert.DoesNotContain(await service(DeviceType.IPhone), s => s.ScheduleId == schedule.Id);
        Assert.Equal(2, (await service(DeviceType.None)).Count(s => s.ScheduleId == schedule.Id));
    }

    [Fact]
    public async Task ResidentBooksOnTheWeb_GetsTheInvitation_TheSupporterToo_AndCancelsWithTheLink()
    {
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 2);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(13, 0), new TimeOnly(15, 0), bufferMinutes: 0, parallel: 1);
        var first = await app.AddHelperAsync("一番 手伝", date.DayOfWeek, 13 * 60, 17 * 60, android: true, iPhone: true);
        var second = await app.AddHelperAsync("二番 手伝", date.DayOfWeek, 13 * 60, 17 * 60, android: true, iPhone: true);
        var anonymous = app.CreateBrowserLikeClient();
        var list = await anonymous.GetDocumentAsync($"/Consultations?Place=venue-{schedule.VenueId}&Device=Android");
        var link = list.QuerySelectorAll(".time-list a").Select(a => a.GetAttribute("href")!).First(h => h.Contains($"schedule={schedule.Id}&", StringComparison.Ordinal));
        var email = $"{Guid.NewGuid():N}@example.jp";
        // The phone was chosen on the list of times (which it decides): the form shows it and does not ask again.
        var chosen = await anonymous.GetDocumentAsync(link);
        Assert.Contains("Android（アンドロイド）", chosen.QuerySelector("main form .chosen-device")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(chosen.QuerySelectorAll("main form input[type=radio][name='Input.Device']"));
        // Opened without that choice, the form asks; a consultation is about one's own phone, so no loaner phone is offered.
        var form = (await anonymous.GetDocumentAsync(link.Replace("&device=Android", "", StringComparison.Ordinal))).QuerySelector("main form")!.TextContent;
        Assert.Contains("持っていない・わからない", form, StringComparison.Ordinal);
        Assert.DoesNotContain("貸出", form, StringComparison.Ordinal);

        using var noTopic = await anonymous.SubmitFormAsync(link, Resident(email, topics: false));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTopic.StatusCode);
        Assert.Equal("相談したいことを1つ以上選んでください。", (await Forms.ParseAsync(noTopic)).QuerySelector("#Topics-error")!.TextContent);

        using var booked = await anonymous.SubmitAndConfirmAsync(link, Resident(email));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var manage = booked.Headers.Location!.OriginalString;
        var slip = await anonymous.GetDocumentAsync(manage);
        var code = slip.QuerySelector(".booking-code strong")!.TextContent;
        Assert.Contains("LINE", slip.QuerySelector(".slip")!.TextContent, StringComparison.Ordinal);
        Assert.Null(slip.QuerySelector("#phone-to-call")); // at a venue nobody calls
        var howToJoin = ConsultationLabels.HowToJoin(ConsultationMode.AtVenue);
        Assert.Contains(howToJoin, slip.QuerySelector(".slip")!.TextContent, StringComparison.Ordinal);
        using (var withoutToken = await anonymous.GetAsync($"/Consultations/{code}")) Assert.Equal(HttpStatusCode.NotFound, withoutToken.StatusCode);
        // As a class's slip: a calendar file, the same event (UID) as the mailed invitation, behind the same token.
        using (var calendar = await anonymous.GetAsync(slip.QuerySelector("a[href*='/Calendar?token=']")!.GetAttribute("href")))
        {
            Assert.Equal("text/calendar", calendar.Content.Headers.ContentType!.MediaType);
            Assert.Contains($"UID:consultation-{code}@", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var withoutToken = await anonymous.GetAsync($"/Consultations/{code}/Calendar")) Assert.Equal(HttpStatusCode.NotFound, withoutToken.StatusCode);
        Assert.NotNull(slip.QuerySelector(".slip .map-link"));
        Assert.NotNull(slip.QuerySelector(".slip .slip-qr img"));

        var booking = await app.WithDbAsync(db => db.ConsultationBookings.AsNoTracking().SingleAsync(b => b.Code == code));
        Assert.Equal((ConsultationStatus.Confirmed, BookingChannel.Web, 1, "line"), (booking.Status, booking.Channel, booking.Seat, booking.Topics));
        Assert.Contains(booking.SupporterId!.Value, new[] { first, second });
        var mails = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RelatesTo == code).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(["consultation-confirmed", "supporter-consultation"], mails.Select(m => m.Kind));
        Assert.All(mails, m => Assert.Equal("REQUEST", m.CalendarMethod));
        Assert.Contains(manage.Split("&done=")[0], mails[0].TextBody, StringComparison.Ordinal);
        // The supporter's invitation syncs to their phone and family calendars: its title and notes name nobody.
        var supporterEvent = mails[1].CalendarIcs!.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY:スマホ相談（", supporterEvent, StringComparison.Ordinal);
        var name = await app.WithDbAsync(db => db.ConsultationBookings.Where(b => b.Code == code).Select(b => b.Participant.Name).SingleAsync());
        Assert.DoesNotContain(name, supporterEvent, StringComparison.Ordinal);
        Assert.DoesNotContain(name.Split(' ')[1], supporterEvent, StringComparison.Ordinal);
        Assert.DoesNotContain("写真をLINEで送りたい", supporterEvent, StringComparison.Ordinal);

        // The next slot goes to the supporter with the lighter week.
        var next = await app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>().BookAsync(new ConsultationRequest(
            schedule.Id, booking.EndsAtUtc, TestData.Resident(), ["settings"], null), BookingChannel.Phone, default));
        var nextCode = Assert.IsType<ConsultationResult.Booked>(next).Code;
        var nextSupporter = await app.WithDbAsync(db => db.ConsultationBookings.Where(b => b.Code == nextCode).Select(b => b.SupporterId).SingleAsync());
        Assert.NotEqual(booking.SupporterId, nextSupporter);

        using var cancelled = await anonymous.SubmitFormAsync(manage, new Dictionary<string, string>(), "form[action*='handler=Cancel']");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var record = await anonymous.GetDocumentAsync(cancelled.Headers.Location!.OriginalString);
        Assert.Equal("キャンセル済み", record.QuerySelector("#consultation-status")!.TextContent);
        // Nothing left to prepare for or print (no "bring your phone on the day"), but the way to book again.
        Assert.DoesNotContain(howToJoin, record.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(record.QuerySelector("[data-print]"));
        Assert.Equal("/Consultations", record.QuerySelector("main a.button-primary")!.GetAttribute("href"));
        var cancelMails = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RelatesTo == code && m.Kind.EndsWith("cancelled")).ToListAsync());
        Assert.Equal(2, cancelMails.Count);
        Assert.All(cancelMails, m => Assert.Equal("CANCEL", m.CalendarMethod));
        Assert.Contains("consultation.cancelled", await app.AuditActionsForAsync(nameof(ConsultationBooking), code));
    }

    [Fact]
    public async Task FreeTimes_AreListedUnderOneHeadingPerDay_AsShortTimes_ThatStillSayTheDateToAScreenReader()
    {
        // Within the four weeks listed.
        var (first, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 1);
        var (second, venue) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 3);
        foreach (var date in new[] { first, second })
        {
            await app.AddConsultationDayAsync(date, new TimeOnly(16, 0), new TimeOnly(17, 0));
            await app.AddHelperAsync("日別 一覧", date.DayOfWeek, 15 * 60, 18 * 60);
        }

        var list = await app.CreateBrowserLikeClient().GetDocumentAsync($"/Consultations?Place=venue-{venue}&Device=Android");

        foreach (var date in new[] { first, second })
        {
            var heading = list.QuerySelector($"h3#day-{date:yyyyMMdd}")!;
            Assert.Equal(JapaneseTime.FormatDate(date), heading.TextContent);
            var times = list.QuerySelectorAll($"ul[aria-labelledby='day-{date:yyyyMMdd}'] a");
            // Other tests of this class may have times on the same day; this one's are among them, each a short time.
            Assert.Superset(new HashSet<string>(["16:00", "16:30"]), times.Select(a => a.TextContent).ToHashSet());
            Assert.All(times, a => Assert.Matches(@"^\d{1,2}:\d{2}$", a.TextContent));
            Assert.All(times, a => Assert.StartsWith(JapaneseTime.FormatDate(date), a.GetAttribute("aria-label"), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ManyResidentsAtOnce_ForOneSlot_GetOnlyItsPlaces_EachWithADifferentSupporter()
    {
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 3);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(10, 30), bufferMinutes: 0, parallel: 2);
        foreach (var name in new[] { "並行 一", "並行 二", "並行 三" }) await app.AddHelperAsync(name, date.DayOfWeek, 9 * 60, 12 * 60, android: true, iPhone: false);
        var start = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0)));
        var url = $"/Consultations/Book?schedule={schedule.Id}&start={ConsultationPlaces.StartKey(start)}&device=Android";

        // Every resident first opens the form (their own antiforgery token), then all submit at once.
        var residents = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var client = app.CreateBrowserLikeClient();
            var form = (await client.GetDocumentAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;
            var fields = Forms.FieldsOf(form).Concat(Resident(null)).GroupBy(f => f.Key).Select(g => g.Last()).ToList();
            fields.Add(new("Topics", "photos"));
            return (client, fields);
        }));
        var answers = await Task.WhenAll(residents.Select(async r =>
        {
            using var content = new FormUrlEncodedContent(r.fields);
            using var response = await r.client.PostAsync(url + "&handler=Confirm", content);
            return response.StatusCode;
        }));

        Assert.Equal(2, answers.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(18, answers.Count(s => s == HttpStatusCode.UnprocessableEntity));
        var held = await app.WithDbAsync(db => db.ConsultationBookings.AsNoTracking().Where(b => b.ConsultationScheduleId == schedule.Id).ToListAsync());
        Assert.Equal(2, held.Count);
        Assert.Equal([1, 2], held.Select(b => b.Seat).Order());
        Assert.Equal(2, held.Select(b => b.SupporterId).Distinct().Count());
    }

    [Fact]
    public async Task ASupporterIsNeverBookedTwice_EvenFromTwoSchedulesAtTheSameTime()
    {
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 4);
        var atVenue = await app.AddConsultationDayAsync(date, new TimeOnly(14, 0), new TimeOnly(14, 30), bufferMinutes: 0, parallel: 5);
        var byPhone = await app.AddConsultationDayAsync(date, new TimeOnly(14, 0), new TimeOnly(14, 30), bufferMinutes: 0, parallel: 5, mode: ConsultationMode.Phone);
        var only = await app.AddHelperAsync("唯一 支援", date.DayOfWeek, 13 * 60, 17 * 60, android: true, iPhone: true);
        var start = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(14, 0)));

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>().BookAsync(
            new ConsultationRequest(i % 2 == 0 ? atVenue.Id : byPhone.Id, start, TestData.Resident(), ["line"], null), BookingChannel.Phone, default))));

        Assert.Single(results.OfType<ConsultationResult.Booked>());
        Assert.Equal(11, results.OfType<ConsultationResult.Taken>().Count());
        Assert.Equal(only, await app.WithDbAsync(db => db.ConsultationBookings.Where(b => b.StartsAtUtc == start).Select(b => b.SupporterId!.Value).SingleAsync()));
    }

    [Fact]
    public async Task ASupporterIsNeverBookedTwice_ForOverlappingSlotsThatStartAtDifferentTimes()
    {
        // Two grids a quarter of an hour apart: 10:00–10:30 at the venue and 10:15–10:45 by phone, one supporter for both.
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 5);
        var atVenue = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(10, 30), parallel: 5);
        var byPhone = await app.AddConsultationDayAsync(date, new TimeOnly(10, 15), new TimeOnly(10, 45), parallel: 5, mode: ConsultationMode.Phone);
        var only = await app.AddHelperAsync("重複 防止", date.DayOfWeek, 9 * 60, 12 * 60);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>().BookAsync(
            new ConsultationRequest(i % 2 == 0 ? atVenue.Id : byPhone.Id, JapaneseTime.ToUtc(date.ToDateTime(i % 2 == 0 ? new TimeOnly(10, 0) : new TimeOnly(10, 15))),
                TestData.Resident(), ["line"], null), BookingChannel.Phone, default))));

        Assert.Single(results.OfType<ConsultationResult.Booked>());
        Assert.Equal(11, results.OfType<ConsultationResult.Taken>().Count());
        var day = (From: JapaneseTime.ToUtc(date.ToDateTime(TimeOnly.MinValue)), Until: JapaneseTime.ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ConsultationBookings.CountAsync(b => b.SupporterId == only && b.StartsAtUtc >= day.From && b.StartsAtUtc < day.Until)));
    }

    [Fact]
    public async Task Coordinator_AddsASchedule_WithFullWidthTimes_AndMistakesAreExplained()
    {
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var venue = await app.WithDbAsync(db => db.Venues.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());
        var today = JapaneseTime.TodayInTokyo(app.Clock);
        var values = new Dictionary<string, string>
        {
            ["Input.Mode"] = "AtVenue", ["Input.VenueId"] = venue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.FirstDate"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LastDate"] = today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "１３：００", ["Input.EndTime"] = "１２：００", ["Input.SlotMinutes"] = "３０", ["Input.BufferMinutes"] = "0", ["Input.Parallel"] = "2",
        };
        using var wrong = await coordinator.SubmitFormAsync("/Coordinator/Consultations", values, "form#add-schedule");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var page = await Forms.ParseAsync(wrong);
        Assert.Equal("終わりの時刻は、始まりの時刻から相談1回分以上あとにしてください。", page.QuerySelector("#Input_EndTime-error")!.TextContent);
        Assert.Equal("曜日を1つ以上選ぶか、繰り返しのルールを入力してください。", page.QuerySelector("#Input_Days-error")!.TextContent);

        values["Input.EndTime"] = "１６：００";
        values["Input.Days"] = "Thursday";
        using var added = await coordinator.SubmitFormAsync("/Coordinator/Consultations", values, "form#add-schedule");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var schedule = await app.WithDbAsync(db => db.ConsultationSchedules.AsNoTracking().OrderByDescending(s => s.Id).FirstAsync());
        Assert.Equal((new TimeOnly(13, 0), new TimeOnly(16, 0), 30, 2, venue), (schedule.StartTime, schedule.EndTime, schedule.SlotMinutes, schedule.Parallel, schedule.VenueId!.Value));
        Assert.Equal((ConsultationSchedule.WeekdayBits([DayOfWeek.Thursday]), null), (schedule.Weekdays, schedule.RecurrenceRule));
    }

    [Fact]
    public async Task HostileLinks_AreRefusedOrIgnored_NeverAnError()
    {
        var client = app.CreateBrowserLikeClient();
        string[] payloads = ["", "venue-", "venue-99999", "venue-１", "phone'--", "<script>", "-1", "99999999999", "202613451299", "２０２６１２０１１０００", "\u0007"];
        foreach (var payload in payloads)
        {
            var value = Uri.EscapeDataString(payload);
            foreach (var url in new[] { $"/Consultations?Place={value}&Device=Android", $"/Consultations?Place=phone&Device={value}", $"/Consultations/Book?schedule={value}&start=202612011000", $"/Consultations/Book?schedule=1&start={value}", $"/Consultations/{value}?token={value}" })
            {
                using var response = await client.GetAsync(url);
                Assert.True((int)response.StatusCode is 200 or 404 or 400, $"{url} → {(int)response.StatusCode}");
                Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    private static Dictionary<string, string> Resident(string? email, bool topics = true)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "相談 花子", ["Input.Kana"] = "そうだん はなこ", ["Input.Phone"] = TestData.NextPhone(), ["Input.Device"] = "Android",
            ["Input.AgeBand"] = "Seventies", ["Consent"] = "true", ["RequestText"] = "写真をLINEで送りたい",
        };
        if (email is not null) values["Input.Email"] = email;
        if (topics) values["Topics"] = "line";
        return values;
    }
}
