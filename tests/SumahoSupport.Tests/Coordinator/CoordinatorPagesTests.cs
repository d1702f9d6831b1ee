using AngleSharp.Html.Dom;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Coordinator;

public sealed class CoordinatorPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<HttpClient> CoordinatorAsync() => app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

    private async Task<(int Course, int Venue)> AnyCourseAndVenueAsync() =>
        await app.WithDbAsync(async db => (await db.Courses.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Venues.OrderByDescending(v => v.LoanerDevices).Select(v => v.Id).FirstAsync()));

    private DateOnly DaysFromToday(int days) => JapaneseTime.TodayInTokyo(app.Clock).AddDays(days);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AddClass_WithFullWidthDigits_CreatesItAndListsIt()
    {
        var client = await CoordinatorAsync();
        var (course, venue) = await AnyCourseAndVenueAsync();
        var date = DaysFromToday(20);
        using var response = await client.SubmitFormAsync("/Coordinator/Classes/Edit", new Dictionary<string, string>
        {
            ["Input.CourseId"] = course.ToString(CultureInfo.InvariantCulture),
            ["Input.VenueId"] = venue.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = Iso(date),
            ["Input.StartTime"] = "１０：００",
            ["Input.EndTime"] = "12:00",
            ["Input.Capacity"] = "１２",
            ["Input.CutoffMinutes"] = "60",
            ["Input.LoanerDevices"] = "2",
            ["Input.Notes"] = "充電したスマホ",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var created = await app.WithDbAsync(db => db.ClassSessions.OrderByDescending(s => s.Id).FirstAsync());
        Assert.Equal(12, created.Capacity);
        Assert.Equal(JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0))), created.StartsAtUtc);
        Assert.Equal(created.StartsAtUtc.AddHours(-1), created.BookingClosesAtUtc);
        Assert.Contains("session.created", await app.AuditActionsForAsync("ClassSession", created.Id.ToString(CultureInfo.InvariantCulture)));
        var list = await client.GetDocumentAsync("/Coordinator");
        Assert.NotNull(list.QuerySelector($"tr[data-session='{created.Id}']"));
    }

    [Fact]
    public async Task AddClass_WithImpossibleValues_ExplainsEachInJapanese()
    {
        var client = await CoordinatorAsync();
        var (course, venue) = await AnyCourseAndVenueAsync();
        using var response = await client.SubmitFormAsync("/Coordinator/Classes/Edit", new Dictionary<string, string>
        {
            ["Input.CourseId"] = course.ToString(CultureInfo.InvariantCulture),
            ["Input.VenueId"] = venue.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = "2026-02-30",
            ["Input.StartTime"] = "25:00",
            ["Input.EndTime"] = "12:00",
            ["Input.Capacity"] = "0",
            ["Input.CutoffMinutes"] = "abc",
            ["Input.LoanerDevices"] = "2",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("「開催日」の値が正しくありません。", page.QuerySelector("#Input_Date-error")!.TextContent);
        Assert.Equal("「開始時刻」の値が正しくありません。", page.QuerySelector("#Input_StartTime-error")!.TextContent);
        Assert.Equal("定員は1〜200人で入力してください。", page.QuerySelector("#Input_Capacity-error")!.TextContent);
        Assert.Equal("「受付の締め切り（開始の何分前）」の値が正しくありません。", page.QuerySelector("#Input_CutoffMinutes-error")!.TextContent);
    }

    [Fact]
    public async Task EditClass_CapacityBelowTheSeatsTaken_IsRefused_AndRaisingItPromotesTheWaitingList()
    {
        var session = await app.CreateSessionAsync(capacity: 2);
        await app.BookAsync(session, TestData.Resident());
        await app.BookAsync(session, TestData.Resident());
        var waiting = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));
        var client = await CoordinatorAsync();

        using var tooSmall = await client.SubmitFormAsync($"/Coordinator/Classes/Edit/{session}", new Dictionary<string, string> { ["Input.Capacity"] = "1" });
        var page = await Forms.ParseAsync(tooSmall);
        Assert.Equal("すでに2人が予約しています。定員は2人以上にしてください。", page.QuerySelector("#Input_Capacity-error")!.TextContent);

        using var bigger = await client.SubmitFormAsync($"/Coordinator/Classes/Edit/{session}", new Dictionary<string, string> { ["Input.Capacity"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, bigger.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, (await app.BookingsOfAsync(session)).Single(b => b.Code == waiting.Code).Status);
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }

    [Fact]
    public async Task EditClass_MovingIt_RaisesTheInvitationSequenceAndIsAudited()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"/Coordinator/Classes/Edit/{session}");
        var start = TimeOnly.Parse(form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_StartTime")!.Value, CultureInfo.InvariantCulture);
        using var moved = await client.SubmitFormAsync($"/Coordinator/Classes/Edit/{session}", new Dictionary<string, string>
        {
            ["Input.StartTime"] = start.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Input.EndTime"] = start.AddHours(3).ToString("HH:mm", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.Sequence).SingleAsync()));
        Assert.Contains("session.moved", await app.AuditActionsForAsync("ClassSession", session.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task AddSeries_SixClassesOverAHoliday_AreSixHeld_PreviewedFirst_WithADateDroppedAndOneAdded()
    {
        var client = await CoordinatorAsync();
        var (course, venue) = await AnyCourseAndVenueAsync();
        // Seven weeks with one holiday, two weeks in; past the demo schedule's weeks so the room is free.
        var (holiday, name) = app.NextHoliday(DaysFromToday(70), (day, holidays) =>
            new[] { -2, -1, 1, 2, 3, 4 }.All(k => holidays.NameOf(day.AddDays(7 * k)) is null) && holidays.NameOf(day.AddDays(22)) is null);
        var first = holiday.AddDays(-14);
        var fields = new Dictionary<string, string>
        {
            ["Input.CourseId"] = course.ToString(CultureInfo.InvariantCulture),
            ["Input.VenueId"] = venue.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "13:30",
            ["Input.EndTime"] = "15:30",
            ["Input.Capacity"] = "8",
            ["Input.CutoffMinutes"] = "60",
            ["Input.LoanerDevices"] = "0",
            ["Input.Pattern"] = "Weekly",
            ["Input.End"] = "Count",
            ["Input.Count"] = "6",
        };
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The preview makes nothing; it lists six dates to hold and the holiday it skips.
        using var previewed = await client.SubmitFormAsync("/Coordinator/Classes/Series", fields);
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var preview = await Forms.ParseAsync(previewed);
        Assert.Equal(0, await app.WithDbAsync(db => db.ClassSessions.CountAsync(s => s.Course.Id == course && s.StartsAtUtc >= JapaneseTime.ToUtc(first.ToDateTime(TimeOnly.MinValue)) && s.StartsAtUtc < JapaneseTime.ToUtc(first.AddDays(50).ToDateTime(TimeOnly.MinValue)))));
        Assert.Equal("作る日程の確認（6回）", preview.QuerySelector("#preview-heading")!.TextContent);
        var listed = preview.QuerySelectorAll(".preview-dates li").Select(li => (li.GetAttribute("data-date")!, li.QuerySelector<IHtmlInputElement>("input")!.IsChecked)).ToList();
        Assert.Equal(new[] { -14, -7, 0, 7, 14, 21, 28 }.Select(k => (Day(holiday.AddDays(k)), k != 0)), listed);
        Assert.Contains($"{name}のため除外", preview.QuerySelector($"li[data-date='{Day(holiday)}']")!.TextContent, StringComparison.Ordinal);

        // Drop the last date, add the day after the fifth, and make them.
        var kept = new[] { -14, -7, 7, 14, 21 }.Select(k => Day(holiday.AddDays(k))).Append(Day(holiday.AddDays(22))).ToList();
        using var created = await PostSeriesStepAsync(client, preview, "Create", kept.SkipLast(1), extraDate: kept[^1]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var series = await app.WithDbAsync(db => db.ClassSeries.OrderByDescending(s => s.Id).FirstAsync());
        Assert.Equal($"FREQ=WEEKLY;BYDAY={TestDates.RRuleDay(holiday.DayOfWeek)};COUNT=7", series.RecurrenceRule);
        var dates = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.SeriesId == series.Id).OrderBy(s => s.StartsAtUtc).Select(s => s.StartsAtUtc).ToListAsync());
        Assert.Equal(kept.Select(d => $"{d} 13:30"), dates.Select(d => JapaneseTime.ToTokyo(d).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        var home = await client.GetDocumentAsync("/Coordinator");
        Assert.Contains($"{JapaneseTime.FormatDate(holiday, withYear: true)} {name}", home.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSeries_UntilADate_TakesEveryDateUpToIt_AndTheNewClassesAreMarkedOnTheList()
    {
        var client = await CoordinatorAsync();
        var (course, venue) = await AnyCourseAndVenueAsync();
        var first = DaysFromToday(9);
        using var previewed = await client.SubmitFormAsync("/Coordinator/Classes/Series", new Dictionary<string, string>
        {
            ["Input.CourseId"] = course.ToString(CultureInfo.InvariantCulture),
            ["Input.VenueId"] = venue.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "18:00",
            ["Input.EndTime"] = "19:30",
            ["Input.Capacity"] = "8",
            ["Input.CutoffMinutes"] = "60",
            ["Input.LoanerDevices"] = "0",
            ["Input.Pattern"] = "EveryTwoWeeks",
            ["Input.End"] = "Until",
            ["Input.Until"] = first.AddDays(29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.KeepHolidays"] = "true",
        });
        var preview = await Forms.ParseAsync(previewed);
        Assert.Equal(3, preview.QuerySelectorAll(".preview-dates input:checked").Length); // day 0, 14 and 28
        using var created = await client.PostAsync(preview.QuerySelector("button[formaction*='handler=Create']")!.GetAttribute("formaction"),
            new FormUrlEncodedContent(Forms.PairsOf(preview.QuerySelector<IHtmlFormElement>("main form[method=post]")!)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var series = await app.WithDbAsync(db => db.ClassSeries.OrderByDescending(s => s.Id).FirstAsync());
        var home = await client.GetDocumentAsync("/Coordinator");
        var marked = home.QuerySelectorAll("tr.row-new").Select(r => int.Parse(r.GetAttribute("data-session")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(await app.WithDbAsync(db => db.ClassSessions.Where(s => s.SeriesId == series.Id).OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync()), marked);
        Assert.Equal(3, marked.Count);
    }

    /// <summary>Posts the series form as the preview page holds it, with <paramref name="dates"/> kept and one date added.</summary>
    private static Task<HttpResponseMessage> PostSeriesStepAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument preview, string handler, IEnumerable<string> dates, string? extraDate = null)
    {
        var form = preview.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var pairs = Forms.PairsOf(form).Where(p => p.Key is not "Input.Dates" and not "Input.ExtraDate").ToList();
        pairs.AddRange(dates.Select(d => new KeyValuePair<string, string>("Input.Dates", d)));
        if (extraDate is not null) pairs.Add(new("Input.ExtraDate", extraDate));
        var action = preview.QuerySelector($"button[formaction*='handler={handler}']")!.GetAttribute("formaction")!;
        return client.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    [Fact]
    public async Task AddSeries_SecondTuesdayRuleKeepingHolidays_AndAnUnreadableRuleIsExplained()
    {
        var client = await CoordinatorAsync();
        var (course, venue) = await AnyCourseAndVenueAsync();
        // 第2火曜 of three months, past the demo schedule's weeks.
        var month = DaysFromToday(70);
        var secondTuesdays = Enumerable.Range(0, 4).Select(i => month.AddMonths(i)).Select(m => TestDates.NthWeekday(m.Year, m.Month, DayOfWeek.Tuesday, 2))
            .Where(d => d >= month).Take(3).ToList();
        var fields = new Dictionary<string, string>
        {
            ["Input.CourseId"] = course.ToString(CultureInfo.InvariantCulture),
            ["Input.VenueId"] = venue.ToString(CultureInfo.InvariantCulture),
            ["Input.Date"] = secondTuesdays[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "10:00",
            ["Input.EndTime"] = "12:00",
            ["Input.Capacity"] = "8",
            ["Input.CutoffMinutes"] = "60",
            ["Input.LoanerDevices"] = "0",
            ["Input.Pattern"] = "Custom",
            ["Input.CustomRule"] = "FREQ=SOMETIMES",
            ["Input.KeepHolidays"] = "true",
        };
        using var bad = await client.SubmitFormAsync("/Coordinator/Classes/Series", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.StartsWith("繰り返しの指定（RRULE）を読み取れません。", (await Forms.ParseAsync(bad)).QuerySelector("#Input_CustomRule-error")!.TextContent, StringComparison.Ordinal);

        fields["Input.CustomRule"] = "FREQ=MONTHLY;BYDAY=2TU;COUNT=3";
        using var previewed = await client.SubmitFormAsync("/Coordinator/Classes/Series", fields);
        var preview = await Forms.ParseAsync(previewed);
        using var good = await PostSeriesStepAsync(client, preview, "Create",
            preview.QuerySelectorAll<IHtmlInputElement>(".preview-dates input:checked").Select(i => i.Value));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var series = await app.WithDbAsync(db => db.ClassSeries.OrderByDescending(s => s.Id).FirstAsync());
        var dates = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.SeriesId == series.Id).OrderBy(s => s.StartsAtUtc).Select(s => s.StartsAtUtc).ToListAsync());
        Assert.Equal(secondTuesdays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            dates.Select(d => JapaneseTime.ToTokyo(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task EditSeries_ChangesEveryFutureOccurrenceAndKeepsTheirDates()
    {
        var (course, venue) = await AnyCourseAndVenueAsync();
        int seriesId = 0;
        await app.WithScopeAsync(async s =>
        {
            var result = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ClassScheduleService>(s)
                .CreateSeriesAsync(new SeriesDraft(course, venue, DaysFromToday(10), new TimeOnly(10, 0), 120, "FREQ=DAILY;INTERVAL=7;COUNT=3", 8, 60, 0, null, KeepHolidays: true), default);
            seriesId = Assert.IsType<ScheduleResult.SeriesSaved>(result).SeriesId;
        });
        var client = await CoordinatorAsync();
        using var response = await client.SubmitFormAsync($"/Coordinator/Classes/Series/{seriesId}", new Dictionary<string, string>
        {
            ["Input.StartTime"] = "14:00",
            ["Input.EndTime"] = "15:30",
            ["Input.Capacity"] = "10",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sessions = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.SeriesId == seriesId).OrderBy(s => s.StartsAtUtc).ToListAsync());
        Assert.Equal(3, sessions.Count);
        Assert.All(sessions, s =>
        {
            Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(JapaneseTime.ToTokyo(s.StartsAtUtc)));
            Assert.Equal(TimeSpan.FromMinutes(90), s.EndsAtUtc - s.StartsAtUtc);
            Assert.Equal(10, s.Capacity);
        });
        Assert.Equal([DaysFromToday(10), DaysFromToday(17), DaysFromToday(24)], sessions.Select(s => DateOnly.FromDateTime(JapaneseTime.ToTokyo(s.StartsAtUtc))));
    }

    [Fact]
    public async Task ProxyBooking_FindsTheCallerByPhoneAndRecordsThePhoneChannel()
    {
        var earlier = await app.CreateSessionAsync(capacity: 5);
        var phone = TestData.NextPhone();
        await app.BookAsync(earlier, TestData.Resident(phone, kana: "さとう みよこ") with { Name = "佐藤 美代子" });
        var session = await app.CreateSessionAsync(capacity: 5);
        var client = await CoordinatorAsync();

        var lookup = await client.GetDocumentAsync($"/Coordinator/Classes/{session}/ProxyBooking?Lookup={Uri.EscapeDataString(PhoneNumber.Format(phone))}");
        var choose = lookup.QuerySelector(".match-list a")!.GetAttribute("href")!;
        Assert.Contains("佐藤 美代子", lookup.QuerySelector(".match-list")!.TextContent, StringComparison.Ordinal);

        using var booked = await client.SubmitFormAsync($"/Coordinator/Classes/{session}/ProxyBooking{choose}", new Dictionary<string, string> { ["Channel"] = "Phone" });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var booking = Assert.Single(await app.BookingsOfAsync(session));
        Assert.Equal(BookingChannel.Phone, booking.Channel);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        var participants = await app.WithDbAsync(db => db.Participants.CountAsync(p => p.Phone == phone));
        Assert.Equal(1, participants);
    }

    [Fact]
    public async Task Roster_ChecksPeopleInAddsAWalkInAndCancelsByPhone()
    {
        var session = await app.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromHours(2));
        var came = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(device: DeviceType.None)));
        var callsToCancel = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident() with { Name = "取消 花子" }));
        app.Clock.Advance(TimeSpan.FromHours(3)); // the class is under way
        var client = await CoordinatorAsync();

        var roster = await client.GetDocumentAsync($"/Coordinator/Classes/{session}/Roster");
        Assert.Contains("貸出端末が必要", roster.QuerySelector($"tr[data-code='{came.Code}']")!.TextContent, StringComparison.Ordinal);
        // Cancelling is not beside attendance and is not a button that posts: it opens a page naming the resident.
        Assert.Empty(roster.QuerySelectorAll($"tr[data-code='{callsToCancel.Code}'] .attendance a, tr[data-code='{callsToCancel.Code}'] form:not([action*='handler=Attendance'])"));

        using var attended = await client.SubmitFormAsync($"/Coordinator/Classes/{session}/Roster",
            new Dictionary<string, string> { ["code"] = came.Code, ["attended"] = "true" },
            $"tr[data-code='{came.Code}'] form[action*='handler=Attendance']");
        Assert.Equal(HttpStatusCode.Redirect, attended.StatusCode);

        var cancelPage = roster.QuerySelector($"tr[data-code='{callsToCancel.Code}'] a[href$='/Cancel']")!.GetAttribute("href")!;
        var asked = await client.GetDocumentAsync(cancelPage);
        Assert.Equal("取消 花子 さんの予約をキャンセルしますか？", asked.QuerySelector("h1")!.TextContent);
        using var cancelled = await client.SubmitFormAsync(cancelPage, new Dictionary<string, string> { ["Reason"] = "入院のため" }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        using var walkIn = await client.SubmitFormAsync($"/Coordinator/Classes/{session}/Roster", new Dictionary<string, string>
        {
            ["WalkIn.Name"] = "当日 参加",
            ["WalkIn.Kana"] = "とうじつ さんか",
            ["WalkIn.Phone"] = TestData.NextPhone(),
            ["WalkIn.Device"] = "Android",
        }, "form[action*='handler=WalkIn']");
        Assert.Equal(HttpStatusCode.Redirect, walkIn.StatusCode);

        var statuses = (await app.BookingsOfAsync(session)).Select(b => (b.Code, b.Status, b.Channel)).ToList();
        Assert.Contains((came.Code, BookingStatus.Attended, BookingChannel.Web), statuses);
        Assert.Contains((callsToCancel.Code, BookingStatus.Cancelled, BookingChannel.Web), statuses);
        Assert.Single(statuses, s => s.Status == BookingStatus.Attended && s.Channel == BookingChannel.Counter);
        await app.AssertSeatCounterMatchesBookingsAsync(session);
        Assert.Contains("reason: 入院のため", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectId == callsToCancel.Code && e.Action == "booking.cancelled").Select(e => e.Details).SingleAsync()), StringComparison.Ordinal);

        // What was recorded is a badge; the buttons stay buttons, the chosen one pressed.
        var after = await client.GetDocumentAsync($"/Coordinator/Classes/{session}/Roster");
        var row = after.QuerySelector($"tr[data-code='{came.Code}']")!;
        Assert.Equal("出席", row.QuerySelector(".attendance-state.badge")!.TextContent);
        Assert.Equal(["true", "false"], row.QuerySelectorAll("button[name=attended]").Select(b => b.GetAttribute("aria-pressed")));
    }

    [Fact]
    public async Task Attendance_OpensOnTheClassDay_AndTheRosterSaysWhenUntilThen()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var client = await CoordinatorAsync();

        var roster = await client.GetDocumentAsync($"/Coordinator/Classes/{session}/Roster");
        Assert.Empty(roster.QuerySelectorAll("form[action*='handler=Attendance'], form[action*='handler=WalkIn']"));
        Assert.StartsWith("出欠は教室の当日（", roster.QuerySelector(".roster-opens")!.TextContent, StringComparison.Ordinal);
        // A post made anyway (an old page, a crafted request) records nothing.
        Assert.Equal(AttendanceResult.NotYet, await app.WithBookingsAsync(b => b.RecordAttendanceAsync(booked.Code, true, default)));
        Assert.IsType<BookingResult.Closed>(await app.BookAsync(session, TestData.Resident() with { Channel = BookingChannel.Counter }, BookingKind.WalkIn));
        // 「キャンセルする」 posted from a roster opened before cancelling asked first: the roster comes back, nothing is cancelled.
        var token = (await client.GetDocumentAsync($"/Coordinator/Classes/{session}/Bookings/{booked.Code}/Cancel"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var stale = await client.PostAsync($"/Coordinator/Classes/{session}/Roster?handler=CancelBooking",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = booked.Code, ["__RequestVerificationToken"] = token })))
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, Assert.Single(await app.BookingsOfAsync(session)).Status);
    }

    [Fact]
    public async Task CancelClass_CancelsEveryBookingAndTakesItOffThePublicList()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var waiting = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));
        var client = await CoordinatorAsync();

        using var response = await client.SubmitFormAsync($"/Coordinator/Classes/{session}/Cancel", new Dictionary<string, string> { ["Reason"] = "台風のため" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.All(await app.BookingsOfAsync(session), b => Assert.Equal(BookingStatus.Cancelled, b.Status));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
        Assert.Equal(["booking.confirmed", "booking.cancelled"], await app.AuditActionsForAsync("Booking", seated.Code));
        Assert.Equal(["booking.waitlisted", "booking.cancelled"], await app.AuditActionsForAsync("Booking", waiting.Code));
        var audit = (await app.AuditEntriesAsync("session.cancelled")).Single(e => e.SubjectId == session.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(DemoAccounts.CoordinatorEmail, audit.Actor);
        Assert.Equal("台風のため", audit.Details);

        var publicList = await app.CreateBrowserLikeClient().GetDocumentAsync("/Classes");
        Assert.Null(publicList.QuerySelector($"a[href='/Classes/{session}']"));
        var details = await app.CreateBrowserLikeClient().GetDocumentAsync($"/Classes/{session}");
        Assert.Equal("中止", details.QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public async Task Staffing_RefusesATraineeAsLecturer_AndFlagsTheClassUntilStaffed()
    {
        var session = await app.CreateSessionAsync(capacity: 8);
        for (var i = 0; i < 5; i++) await app.BookAsync(session, TestData.Resident());
        var lead = (await app.AddSupporterAsync(SupporterStatus.Lead)).Id;
        var certified = (await app.AddSupporterAsync(SupporterStatus.Certified)).Id;
        var trainee = (await app.AddSupporterAsync(SupporterStatus.Trainee)).Id;
        var client = await CoordinatorAsync();
        string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

        using var traineeLecturer = await client.SubmitFormAsync($"/Coordinator/Classes/{session}/Staff", new Dictionary<string, string> { ["SupporterId"] = Id(trainee), ["Role"] = "Lecturer" }, "form#add-staff");
        Assert.Contains("講師になれるのは「講師（リーダー）」の支援員だけです。", (await Forms.ParseAsync(traineeLecturer)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        using var traineeAlone = await client.SubmitFormAsync($"/Coordinator/Classes/{session}/Staff", new Dictionary<string, string> { ["SupporterId"] = Id(trainee), ["Role"] = "Assistant" }, "form#add-staff");
        Assert.Contains("研修中の支援員は", (await Forms.ParseAsync(traineeAlone)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        await client.SubmitFormAsync($"/Coordinator/Classes/{session}/Staff", new Dictionary<string, string> { ["SupporterId"] = Id(lead), ["Role"] = "Lecturer" }, "form#add-staff");
        var home = await client.GetDocumentAsync("/Coordinator");
        Assert.Contains("補助があと2名", home.QuerySelector($"tr[data-session='{session}'] .staffing")!.TextContent, StringComparison.Ordinal);

        await client.SubmitFormAsync($"/Coordinator/Classes/{session}/Staff", new Dictionary<string, string> { ["SupporterId"] = Id(certified), ["Role"] = "Assistant" }, "form#add-staff");
        await client.SubmitFormAsync($"/Coordinator/Classes/{session}/Staff", new Dictionary<string, string> { ["SupporterId"] = Id(trainee), ["Role"] = "Assistant" }, "form#add-staff");
        home = await client.GetDocumentAsync("/Coordinator");
        Assert.Equal("充足", home.QuerySelector($"tr[data-session='{session}'] .staffing .badge")!.TextContent);
        Assert.Equal(3, await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.ClassSessionId == session)));

        // Another class at the same hour cannot have the same Lead: no one is in two places.
        var sameHour = await app.CreateSessionAsync(capacity: 8);
        using var twice = await client.SubmitFormAsync($"/Coordinator/Classes/{sameHour}/Staff", new Dictionary<string, string> { ["SupporterId"] = Id(lead), ["Role"] = "Lecturer" }, "form#add-staff");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("同じ時間に別の担当（教室・相談）があります", (await Forms.ParseAsync(twice)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Assignments.AnyAsync(a => a.ClassSessionId == sameHour)));
    }

    [Fact]
    public async Task Courses_CanBeAddedWithGoalsOnePerLine()
    {
        var client = await CoordinatorAsync();
        using var response = await client.SubmitFormAsync("/Coordinator/Courses/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "スマホで年金の手続き",
            ["Input.Summary"] = "ねんきんネットの使い方を学びます。",
            ["Input.Topic"] = "行政手続き",
            ["Input.Level"] = "Intermediate",
            ["Input.TargetOs"] = "Any",
            ["Input.DurationMinutes"] = "９０",
            ["Input.DefaultCapacity"] = "6",
            ["Input.Goals"] = "ねんきんネットにログインできる\n\n年金の見込額を確認できる\n",
            ["Input.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var course = await app.WithDbAsync(db => db.Courses.Include(c => c.LearningGoals).SingleAsync(c => c.Title == "スマホで年金の手続き"));
        Assert.Equal(90, course.DurationMinutes);
        Assert.Equal(["ねんきんネットにログインできる", "年金の見込額を確認できる"], course.LearningGoals.OrderBy(g => g.Order).Select(g => g.Text));
    }

    [Fact]
    public async Task BookingSearch_FindsACallersBookingsByPhoneOrCode_AndCancelsOne()
    {
        var phone = TestData.NextPhone();
        var first = await app.CreateSessionAsync(capacity: 3);
        var second = await app.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromDays(10));
        var a = Assert.IsType<BookingResult.Booked>(await app.BookAsync(first, TestData.Resident(phone)));
        var b = Assert.IsType<BookingResult.Booked>(await app.BookAsync(second, TestData.Resident(phone)));
        var client = await CoordinatorAsync();

        var byPhone = await client.GetDocumentAsync($"/Coordinator/Bookings?Q={Uri.EscapeDataString(PhoneNumber.Format(phone))}");
        Assert.Equal([b.Code, a.Code], byPhone.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-code")));
        var byCode = await client.GetDocumentAsync($"/Coordinator/Bookings?Q={a.Code.ToLowerInvariant()}");
        Assert.Equal([a.Code], byCode.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-code")));

        // The search offers cancelling on the page that names the resident, never by one click.
        var search = await client.GetDocumentAsync($"/Coordinator/Bookings?Q={a.Code}");
        Assert.Empty(search.QuerySelectorAll($"tr[data-code='{a.Code}'] form"));
        var cancelPage = search.QuerySelector($"tr[data-code='{a.Code}'] a[href$='/Cancel']")!.GetAttribute("href")!;
        using var cancelled = await client.SubmitFormAsync(cancelPage, new Dictionary<string, string>(), "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, Assert.Single(await app.BookingsOfAsync(first)).Status);

        var nonsense = await client.GetDocumentAsync("/Coordinator/Bookings?Q=%3Cscript%3E");
        Assert.StartsWith("予約番号（例: K7M-4PX）か電話番号", nonsense.QuerySelector("#Q-error")!.TextContent, StringComparison.Ordinal);
    }
}
