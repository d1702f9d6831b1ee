using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Pages.Consultations;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Security;

/// <summary>
/// Every form of the classes-and-booking feature, one field at a time, with what real and hostile users type:
/// each answer is a 4xx or a page (re-rendered form or redirect target) — never a 5xx — and nothing comes back
/// unescaped. Posts without the antiforgery token are refused.
/// </summary>
public sealed class HostileInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Payloads =
    [
        new string('あ', 5000),
        "\u0001\u0002\u0007\u001b[31m",
        "👵📱🎉",
        "<script>alert('xss')</script>",
        "\"><img src=x onerror=alert(1)>",
        "' OR 1=1; DROP TABLE Bookings; --",
        "０９０１２３４５６７８",
        "2026-02-30",
        "9999-99-99",
        "9999-12-31",
        "0001-01-01",
        "-2147483649",
        "-1",
        "99999999999",
        "",
        "\u202Eevil\u202C",
        "㍻ﷺ",
    ];

    /// <summary>Payloads that would be markup if echoed raw.</summary>
    private static readonly string[] Markup = ["<script>alert('xss')</script>", "<img src=x onerror=alert(1)>"];

    public static TheoryData<string> Forms => new(
        "book", "cancel-booking", "login", "add-class", "add-series", "proxy-booking", "walk-in", "attendance", "staff", "course", "cancel-class", "booking-cancel", "call-done", "mail-resend", "paper-survey", "survey-tally",
        "supporter-apply", "training-test", "day-off", "in-person-training", "consultation-book", "consultation-schedule", "support-log",
        "consultation-reassign", "consultation-cancel", "coordinator-support-log", "follow-up-link", "follow-up-second", "survey-template",
        "venue", "invite-staff", "account-role", "manage-password", "two-factor-setup", "resident-erase");

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EveryField_WithHostileInput_NeverErrorsAndNeverEchoesMarkup(string form)
    {
        var (client, url, selector) = await OpenAsync(form);
        var page = await client.GetDocumentAsync(url);
        var target = page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"{form}: no {selector} on {url}");
        var baseline = Fields(target);
        var action = string.IsNullOrEmpty(target.GetAttribute("action")) ? url : target.GetAttribute("action")!;
        var failures = new List<string>();

        foreach (var field in baseline.Keys.Where(k => k != "__RequestVerificationToken").ToList())
        {
            foreach (var payload in Payloads)
            {
                var values = new Dictionary<string, string>(baseline) { [field] = payload };
                using var content = new FormUrlEncodedContent(values);
                using var response = await client.PostAsync(action, content);
                var problem = await CheckAsync(client, response);
                if (problem is not null) failures.Add($"{field}={Describe(payload)}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{form} ({url}):\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Posting_WithoutTheAntiforgeryToken_IsRefused(string form)
    {
        var (client, url, selector) = await OpenAsync(form);
        var page = await client.GetDocumentAsync(url);
        var target = page.QuerySelector<IHtmlFormElement>(selector)!;
        var values = Fields(target);
        Assert.True(values.Remove("__RequestVerificationToken"), $"{form} has no antiforgery token");
        var action = string.IsNullOrEmpty(target.GetAttribute("action")) ? url : target.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(action, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        // The refusal says what happened and leads back to a page that opens, also for a button with its own handler.
        var refused = await Infrastructure.Forms.ParseAsync(response);
        Assert.Equal("もう一度お試しください", refused.QuerySelector("h1")!.TextContent);
        var back = refused.QuerySelector("main a.button-primary")?.GetAttribute("href");
        Assert.False(back is null || back.Contains("handler=", StringComparison.Ordinal), $"{form}: the way back is '{back}'");
        using var reopened = await client.GetAsync(back);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }

    [Fact]
    public async Task ClassFilter_WithHostileQueryValues_NeverErrors()
    {
        var client = app.CreateBrowserLikeClient();
        foreach (var name in new[] { "Filter.From", "Filter.To", "Filter.Venue", "Filter.Topic", "Filter.Level", "Filter.Os" })
        {
            foreach (var payload in Payloads)
            {
                using var response = await client.GetAsync($"/Classes?{name}={Uri.EscapeDataString(payload)}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}={Describe(payload)} → {(int)response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(Markup, m => body.Contains(m, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Values at and past the ends of what dates and numbers can hold.</summary>
    private static readonly string[] Extremes = ["9999-12-31", "0001-01-01", "2147483648", "-2147483649", "99999999999999999999", "-1"];

    [Fact]
    public async Task EveryPagesQueryValues_AtTheEndsOfDatesAndNumbers_NeverError()
    {
        var samples = await SitePages.SamplesAsync(app);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var page in SitePages.QueryNames(app.Services))
        {
            var (access, url) = SitePages.Expected[page.Key];
            var visitor = access == SitePages.Access.Supporter ? "supporter" : "admin";
            if (!clients.TryGetValue(visitor, out var client))
            {
                client = clients[visitor] = app.CreateBrowserLikeClient();
                var (email, password) = DemoAccounts.Of(visitor)!.Value;
                using (await client.SignInAsync(email, password)) { }
            }
            var target = url(samples);
            foreach (var name in page.Names)
            {
                foreach (var value in Extremes)
                {
                    var query = $"{target}{(target.Contains('?', StringComparison.Ordinal) ? "&" : "?")}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
                    using var response = await client.GetAsync(query);
                    if ((int)response.StatusCode >= 500) wrong.Add($"{visitor} GET {query} → {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private async Task<string?> CheckAsync(HttpClient client, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"{status}";
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            using var next = await client.GetAsync(response.Headers.Location);
            if ((int)next.StatusCode >= 500) return $"redirect to {response.Headers.Location} → {(int)next.StatusCode}";
            return Unescaped(await next.Content.ReadAsStringAsync());
        }
        return status is >= 400 and < 500 or 200 ? Unescaped(await response.Content.ReadAsStringAsync()) : $"unexpected {status}";
    }

    private static string? Unescaped(string body) =>
        Markup.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } raw ? $"echoed raw: {raw}" : null;

    private static string Describe(string payload) => payload.Length > 20 ? $"{payload[..10]}…({payload.Length} chars)" : payload;

    /// <summary>A valid submission of the form as rendered, which each case then spoils one field at a time.</summary>
    private static Dictionary<string, string> Fields(IHtmlFormElement form) => Infrastructure.Forms.FieldsOf(form, fillEveryChoice: true);

    private async Task<(HttpClient Client, string Url, string Selector)> OpenAsync(string form)
    {
        var session = await app.CreateSessionAsync(capacity: 50);
        var anonymous = app.CreateBrowserLikeClient();
        switch (form)
        {
            case "book":
                return (anonymous, $"/Classes/{session}/Book", "main form[method=post]");
            case "cancel-booking":
                var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
                return (anonymous, $"/Bookings/{booked.Code}/Cancel?token={booked.Token}", "main form[method=post]");
            case "login":
                return (anonymous, "/Account/Login", "main form[method=post]");
            case "supporter-apply":
                return (anonymous, "/Supporter/Apply", "main form[method=post]");
            case "consultation-book":
                return (anonymous, await ConsultationSlotUrlAsync(), "main form[method=post]");
            case "training-test" or "day-off" or "support-log":
                var supporter = app.CreateBrowserLikeClient();
                using (await supporter.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword))
                {
                    return form switch
                    {
                        "training-test" => (supporter, "/Supporter/Training/line", "main form[method=post]"),
                        "support-log" => (supporter, "/Supporter/Logs/New", "main form[method=post]"),
                        _ => (supporter, "/Supporter/Availability", "form[action*='handler=AddDayOff']"),
                    };
                }
        }

        if (form is "invite-staff" or "account-role")
        {
            var admin = app.CreateBrowserLikeClient();
            using (await admin.SignInAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword))
            {
                var coordinatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CoordinatorEmail).Select(u => u.Id).SingleAsync());
                return form == "invite-staff" ? (admin, "/Admin/Accounts", "form#invite") : (admin, $"/Admin/Accounts/{coordinatorId}", "form[action*='handler=Role']");
            }
        }

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        if (form == "resident-erase")
        {
            await app.BookAsync(session, TestData.Resident());
            var resident = await app.WithDbAsync(db => db.Participants.MaxAsync(p => p.Id));
            return (coordinator, $"/Coordinator/Residents/{resident}", "form[action*='handler=Erase']");
        }
        if (form is "walk-in" or "attendance")
        {
            // 出欠 and walk-ins open on the class's day: a class booked while open, then under way.
            var underWay = await app.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(2));
            var seat = Assert.IsType<BookingResult.Booked>(await app.BookAsync(underWay, TestData.Resident())).Code;
            app.Clock.Advance(TimeSpan.FromHours(3));
            return form == "walk-in"
                ? (coordinator, $"/Coordinator/Classes/{underWay}/Roster", "form[action*='handler=WalkIn']")
                : (coordinator, $"/Coordinator/Classes/{underWay}/Roster", $"tr[data-code='{seat}'] form[action*='handler=Attendance']");
        }
        var code = form == "booking-cancel" ? Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident())).Code : "";
        if (form == "call-done")
        {
            // A phone-only resident promoted from the waiting list is a call to make.
            var full = await app.CreateSessionAsync(capacity: 1);
            var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(full, TestData.Resident()));
            await app.BookAsync(full, TestData.Resident());
            await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated.Code, null, default));
            var call = await app.WithDbAsync(db => db.CallTasks.MaxAsync(c => c.Id));
            return (coordinator, "/Coordinator/Calls", $"tr[data-call='{call}'] form");
        }
        if (form is "paper-survey" or "survey-tally")
        {
            // Survey forms are entered once the class has started.
            var started = await app.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(2));
            app.Clock.Advance(TimeSpan.FromHours(3));
            return (coordinator, $"/Coordinator/Classes/{started}/Surveys", $"form[action*='handler={(form == "paper-survey" ? "Paper" : "Tally")}']");
        }
        if (form == "mail-resend")
        {
            await app.BookAsync(session, TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp"));
            var mail = await app.WithDbAsync(db => db.OutboxMessages.MaxAsync(m => m.Id));
            await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == mail)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, SumahoSupport.Core.Notifications.OutboxStatus.Dead)));
            return (coordinator, "/Coordinator/Mail", $"tr[data-mail='{mail}'] form");
        }
        return form switch
        {
            "add-class" => (coordinator, "/Coordinator/Classes/Edit", "main form[method=post]"),
            "add-series" => (coordinator, "/Coordinator/Classes/Series", "main form[method=post]"),
            "proxy-booking" => (coordinator, $"/Coordinator/Classes/{session}/ProxyBooking", "main form[method=post]"),
            "staff" => (coordinator, $"/Coordinator/Classes/{session}/Staff", "form#add-staff"),
            "course" => (coordinator, "/Coordinator/Courses/Edit", "main form[method=post]"),
            "booking-cancel" => (coordinator, $"/Coordinator/Classes/{session}/Bookings/{code}/Cancel", "main form[method=post]"),
            "in-person-training" => (coordinator, $"/Coordinator/Supporters/{await app.WithDbAsync(db => db.Supporters.Where(x => x.Status == SumahoSupport.Core.Supporters.SupporterStatus.Trainee).Select(x => x.Id).FirstAsync())}", "form[action*='handler=RecordInPerson']"),
            "consultation-schedule" => (coordinator, "/Coordinator/Consultations", "form#add-schedule"),
            "consultation-reassign" => (coordinator, $"/Coordinator/Consultations/{await ConsultationAheadAsync()}", "form#reassign"),
            "consultation-cancel" => (coordinator, $"/Coordinator/Consultations/{await ConsultationAheadAsync()}", "form#cancel-consultation"),
            "coordinator-support-log" => (coordinator, "/Coordinator/Consultations/Logs/New", "main form[method=post]"),
            "survey-template" => (coordinator, "/Coordinator/SurveyTemplates/Edit", "main form[method=post]"),
            "venue" => (coordinator, "/Coordinator/Venues/Edit", "main form[method=post]"),
            "manage-password" => (coordinator, "/Account/Manage", "main form[method=post]"),
            "two-factor-setup" => (coordinator, "/Account/TwoFactor", "main form[method=post]"),
            "follow-up-link" => (coordinator, "/Coordinator/FollowUps", $"tr[data-follow-up='{await FollowUpAsync(arranged: false)}'] form[action*='handler=Link']"),
            "follow-up-second" => (coordinator, "/Coordinator/FollowUps", $"tr[data-follow-up='{await FollowUpAsync(arranged: true)}'] form[action*='handler=Second']"),
            "cancel-class" => (coordinator, $"/Coordinator/Classes/{session.ToString(CultureInfo.InvariantCulture)}/Cancel", "main form[method=post]"),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
    }

    /// <summary>The booking form of a consultation slot a week ahead (a schedule of its own, so the slot exists).</summary>
    private async Task<string> ConsultationSlotUrlAsync()
    {
        var date = JapaneseTime.TodayInTokyo(app.Clock).AddDays(7);
        var schedule = await app.AddPhoneConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(10, 30));
        var start = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0)));
        return $"/Consultations/Book?schedule={schedule.Id}&start={ConsultationPlaces.StartKey(start)}";
    }

    /// <summary>xUnit makes a new instance per case while the app lives on, so the next free time is counted across them.</summary>
    private static int consultationsAhead;

    /// <summary>A phone consultation booked on a weekday two weeks ahead, each at its own time, with one of the demo supporters.</summary>
    private async Task<string> ConsultationAheadAsync()
    {
        var date = JapaneseTime.TodayInTokyo(app.Clock).AddDays(14);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        var start = new TimeOnly(9, 0).AddMinutes(30 * (Interlocked.Increment(ref consultationsAhead) - 1));
        var schedule = await app.AddPhoneConsultationDayAsync(date, start, start.AddMinutes(30));
        var booked = await app.WithScopeAsync(async s =>
        {
            var consultations = s.GetRequiredService<ConsultationService>();
            return await consultations.BookAsync(new ConsultationRequest(schedule.Id, JapaneseTime.ToUtc(date.ToDateTime(start)), TestData.Resident(), ["line"], null), BookingChannel.Phone, default);
        });
        return Assert.IsType<ConsultationResult.Booked>(booked).Code;
    }

    /// <summary>
    /// A follow-up from a survey answer 「あまり理解できなかった」 with consent, from a class that began a minute ago;
    /// arranged with a repeat class when asked.
    /// </summary>
    private async Task<int> FollowUpAsync(bool arranged)
    {
        var phone = TestData.NextPhone();
        var session = await app.CreateSessionAsync(capacity: 5, startsIn: TimeSpan.FromMinutes(1), cutoffMinutes: 0);
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(phone: phone)));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var token = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.SurveyToken!).SingleAsync());
        await app.WithScopeAsync(s => s.GetRequiredService<Core.Surveys.SurveyService>().SubmitAsync(token,
            new Core.Surveys.SurveyAnswers(Core.Surveys.Understanding.NotReallyUnderstood, null, null, null, new Dictionary<int, Core.Surveys.CanDoLevel>(), WantsFollowUp: true),
            Core.Surveys.SurveyChannel.Web, default));
        var id = await app.WithDbAsync(db => db.SurveyFollowUps.Where(f => f.Booking.Code == booked.Code).Select(f => f.Id).SingleAsync());
        if (arranged)
        {
            var repeat = Assert.IsType<BookingResult.Booked>(await app.BookAsync(await app.CreateSessionAsync(capacity: 5), TestData.Resident(phone: phone)));
            Assert.Equal(Core.Surveys.FollowUpLinkResult.Linked, await app.WithScopeAsync(s => s.GetRequiredService<Core.Surveys.SurveyFollowUpService>().LinkAsync(id, repeat.Code, default)));
        }
        return id;
    }
}
