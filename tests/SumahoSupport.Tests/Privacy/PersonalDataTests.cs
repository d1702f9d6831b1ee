using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Privacy;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Privacy;

/// <summary>
/// Personal data from collection to erasure (個人情報保護法): what a coordinator can show a resident who asks (本人開示),
/// erasing one resident on request, and the retention rule that erases residents whose last class, consultation or
/// follow-up ended more than <c>Privacy:RetentionMonths</c> ago — with every report figure exactly as it was.
/// A family member who shares the phone is another person: their data never appears in, or goes with, someone else's.
/// </summary>
public sealed class PersonalDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheRetentionRule_ErasesEveryPersonalField_AndLeavesEveryFigureAsItWas()
    {
        var phone = TestData.NextPhone();
        var old = TestData.Resident(phone, kana: "ほぞん きげん", email: $"{Guid.NewGuid():N}@example.jp") with { Name = "保存 期限", Needs = "耳が遠いので大きな声で" };
        var family = TestData.Resident(phone, kana: "かぞく みらい") with { Name = "家族 未来" };
        var (classCode, consultationCode, year) = await ResidentWithHistoryAsync(old);
        var later = await app.CreateSessionAsync(capacity: 5, startsIn: TimeSpan.FromDays(430));
        var kept = Assert.IsType<BookingResult.Booked>(await app.BookAsync(later, family)).Code;

        app.Clock.Advance(TimeSpan.FromDays(31 * 14));
        var before = await FiguresAsync(year);
        var erased = await app.WithScopeAsync(s => s.GetRequiredService<PersonalDataService>().EraseExpiredAsync(default));
        var after = await FiguresAsync(year);

        Assert.True(erased >= 1);
        Assert.Equal(before, after);
        var person = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == classCode).Select(b => b.Participant).SingleAsync());
        Assert.Equal((PersonalDataService.ErasedName, (string?)null, (string?)null), (person.Name, person.Email, person.Needs));
        Assert.StartsWith("erased-", person.Phone, StringComparison.Ordinal);
        Assert.Equal(person.Phone, person.Kana);
        Assert.NotNull(person.ErasedAtUtc);
        Assert.Equal(person.Phone, await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == classCode).Select(b => b.PhoneKey).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.ConsultationBookings.Where(b => b.Code == consultationCode).Select(b => b.Request).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.SupportLogs.Where(l => l.Booking!.Code == consultationCode).Select(l => l.Note).SingleAsync()));
        var mails = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.RelatesTo == classCode || m.RelatesTo == consultationCode).ToListAsync());
        Assert.NotEmpty(mails);
        Assert.All(mails, m => Assert.Equal(("", "", ""), (m.ToAddress, m.TextBody, m.HtmlBody)));
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Participants.Select(p => p.Name + p.Kana + p.Phone + p.Email + p.Needs).ToListAsync()),
            p => p.Contains("保存", StringComparison.Ordinal) || p.Contains("ほぞん", StringComparison.Ordinal) || p.Contains("耳が遠い", StringComparison.Ordinal));

        // The family member with a class ahead is someone else, and is kept.
        var other = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == kept).Select(b => b.Participant).SingleAsync());
        Assert.Equal(("家族 未来", phone), (other.Name, other.Phone));
        Assert.Contains(await app.AuditEntriesAsync("resident.expired"), e => e.SubjectId == person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TheRetentionRule_RunsOnceADay_WhicheverInstanceAsksFirst()
    {
        var first = await app.WithScopeAsync(s => s.GetRequiredService<PersonalDataService>().RetentionSweepAsync(default));
        var claimed = await app.WithDbAsync(db => db.JobRuns.SingleAsync(j => j.Name == "privacy-retention"));
        Assert.Equal(JapaneseTime.TodayInTokyo(app.Clock), claimed.LastRunOn);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<PersonalDataService>().RetentionSweepAsync(default)));
        Assert.True(first >= 0);
    }

    [Fact]
    public async Task Disclosure_HoldsEveryRowOfTheResident_AndNothingOfTheFamilyMemberWhoSharesThePhone()
    {
        var phone = TestData.NextPhone();
        var resident = TestData.Resident(phone, kana: "かいじ はなこ", email: $"{Guid.NewGuid():N}@example.jp") with { Name = "開示 花子" };
        var family = TestData.Resident(phone, kana: "かいじ たろう") with { Name = "開示 太郎" };
        var (classCode, consultationCode, _) = await ResidentWithHistoryAsync(resident);
        var session = await app.CreateSessionAsync(capacity: 5);
        var theirs = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, family)).Code;
        var id = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == classCode).Select(b => b.ParticipantId).SingleAsync());

        var coordinator = await CoordinatorAsync();
        var found = await coordinator.GetDocumentAsync($"/Coordinator/Residents?Search.Query={Uri.EscapeDataString(PhoneNumber.Format(phone))}");
        Assert.Equal(2, found.QuerySelectorAll("#matches li").Length);
        using var json = await coordinator.GetAsync($"/Coordinator/Residents/{id}?purpose=0&format=json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var text = await json.Content.ReadAsStringAsync();
        using var record = JsonDocument.Parse(text);
        Assert.Equal([classCode], record.RootElement.GetProperty("classBookings").EnumerateArray().Select(b => b.GetProperty("code").GetString()));
        Assert.Equal([consultationCode], record.RootElement.GetProperty("consultations").EnumerateArray().Select(b => b.GetProperty("code").GetString()));
        Assert.NotEmpty(record.RootElement.GetProperty("mails").EnumerateArray());
        Assert.NotEmpty(record.RootElement.GetProperty("followUps").EnumerateArray());
        Assert.Contains("開示 花子", text, StringComparison.Ordinal);
        Assert.DoesNotContain("開示 太郎", text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, text, StringComparison.Ordinal);

        var page = await coordinator.GetDocumentAsync($"/Coordinator/Residents/{id}?purpose=0");
        Assert.Contains(classCode, page.QuerySelector("#class-bookings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await app.AuditEntriesAsync("resident.disclosed")).Count(e => e.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ErasingOnRequest_WaitsForTheBookingsAhead_ThenErasesLikeTheRetentionRule()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var resident = TestData.Resident(kana: "さくじょ いらい", email: $"{Guid.NewGuid():N}@example.jp") with { Name = "削除 依頼" };
        var code = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, resident)).Code;
        var id = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.ParticipantId).SingleAsync());
        var coordinator = await CoordinatorAsync();

        using (var refused = await coordinator.SubmitFormAsync($"/Coordinator/Residents/{id}", new Dictionary<string, string>(), "form[action*='handler=Erase']"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("予約が残っています", (await Forms.ParseAsync(refused)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        }
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(code, null, default));
        using (var erased = await coordinator.SubmitFormAsync($"/Coordinator/Residents/{id}", new Dictionary<string, string>(), "form[action*='handler=Erase']"))
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var person = await app.WithDbAsync(db => db.Participants.SingleAsync(p => p.Id == id));
        Assert.Equal((PersonalDataService.ErasedName, (string?)null), (person.Name, person.Email));
        Assert.Contains(await app.AuditEntriesAsync("resident.erased"), e => e.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var search = await coordinator.GetDocumentAsync("/Coordinator/Residents?Search.Query=%E5%89%8A%E9%99%A4%20%E4%BE%9D%E9%A0%BC");
        Assert.NotNull(search.QuerySelector("#no-match"));
    }

    [Fact]
    public async Task EveryFormThatTakesPersonalData_SaysWhatFor_AndForHowLong()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        foreach (var url in new[] { $"/Classes/{session}/Book", "/Supporter/Apply" })
        {
            var page = await app.CreateBrowserLikeClient().GetDocumentAsync(url);
            var notice = page.QuerySelector("main form .privacy-notice")!;
            Assert.Contains("利用目的", notice.TextContent, StringComparison.Ordinal);
            Assert.Contains("/Privacy", notice.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        }
        var privacy = await app.CreateBrowserLikeClient().GetDocumentAsync("/Privacy");
        Assert.Contains("13か月", privacy.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrivacyNotice_ReadsInEnglish_ForAReaderOfEnglish_WhoIsAskedToAgreeToIt()
    {
        var client = app.CreateBrowserLikeClient();
        using (var chosen = await client.GetAsync("/Display?lang=en&returnUrl=%2F")) Assert.Equal(System.Net.HttpStatusCode.Redirect, chosen.StatusCode);

        var privacy = await client.GetDocumentAsync("/Privacy");

        Assert.Equal("How we handle your personal information", privacy.QuerySelector("main h1")!.TextContent);
        Assert.Contains("13 months after your last class", privacy.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // Only what the city's settings say in Japanese stays Japanese: its name and the help line's hours.
        var city = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SumahoSupport.Core.CityOptions>>().Value;
        var text = privacy.QuerySelector("main")!.TextContent.Replace(city.Name, "", StringComparison.Ordinal).Replace(city.HelpHours, "", StringComparison.Ordinal);
        Assert.DoesNotMatch(MissingTranslations.JapaneseLetters(), text);
    }

    /// <summary>
    /// A resident who attended a class (answered the survey, did not understand, agreed to a follow-up), had a phone
    /// consultation with a written request, and whose supporter wrote a note. Returns the booking codes and the fiscal year.
    /// </summary>
    private async Task<(string ClassCode, string ConsultationCode, int FiscalYear)> ResidentWithHistoryAsync(BookingRequest resident)
    {
        var session = await app.CreateSessionAsync(capacity: 5, startsIn: TimeSpan.FromHours(3));
        var classCode = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, resident)).Code;
        app.Clock.Advance(TimeSpan.FromHours(4)); // the class is under way: 出欠 opens on its day
        Assert.Equal(AttendanceResult.Recorded, await app.WithBookingsAsync(b => b.RecordAttendanceAsync(classCode, true, default)));
        app.Clock.Advance(TimeSpan.FromHours(2));
        var token = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == classCode).Select(b => b.SurveyToken!).SingleAsync());
        await app.WithScopeAsync(s => s.GetRequiredService<SurveyService>().SubmitAsync(token,
            new SurveyAnswers(Understanding.NotReallyUnderstood, 3, false, "もう少しゆっくり", new Dictionary<int, CanDoLevel>(), WantsFollowUp: true), SurveyChannel.Web, default));

        var date = JapaneseTime.TodayInTokyo(app.Clock).AddDays(2);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        var start = new TimeOnly(15, 0).AddMinutes(30 * Interlocked.Increment(ref consultations));
        var schedule = await app.AddPhoneConsultationDayAsync(date, start, start.AddMinutes(30));
        var startsAt = JapaneseTime.ToUtc(date.ToDateTime(start));
        var booked = await app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>().BookAsync(
            new ConsultationRequest(schedule.Id, startsAt, resident, ["line"], "LINEで孫に写真を送りたい"), BookingChannel.Phone, default));
        var consultationCode = Assert.IsType<ConsultationResult.Booked>(booked).Code;
        var supporter = await app.WithDbAsync(db => db.ConsultationBookings.Where(b => b.Code == consultationCode).Select(b => b.SupporterId!.Value).SingleAsync());
        app.Clock.Advance(startsAt - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1));
        Assert.Equal(SupportLogResult.Recorded, await app.WithScopeAsync(s => s.GetRequiredService<SupportLogService>().RecordAsync(supporter,
            new SupportLogDraft(consultationCode, ConsultationMode.Phone, null, ["line"], 30, Resolution.Resolved, true, null, "お孫さんとのLINEを設定した"), default)));
        var classStart = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.StartsAtUtc).SingleAsync());
        return (classCode, consultationCode, FiscalYear.OfUtc(classStart));
    }

    private static int consultations;

    /// <summary>Every figure a city reports for the year, as one text to compare.</summary>
    private Task<string> FiguresAsync(int fiscalYear) => app.WithScopeAsync(async s =>
    {
        var dashboard = await s.GetRequiredService<SurveyStatistics>().DashboardAsync(fiscalYear, 0.9, default);
        var report = await s.GetRequiredService<AnnualReport>().ForAsync(fiscalYear, default);
        var consultations = await s.GetRequiredService<ConsultationAnalytics>().ForYearAsync(fiscalYear, default);
        var followUps = await s.GetRequiredService<SurveyFollowUpService>().FiguresAsync(fiscalYear, default);
        var sessions = s.GetRequiredService<SurveyStatistics>().SessionsOf(fiscalYear);
        var perClass = await s.GetRequiredService<SurveyStatistics>().SessionFiguresAsync(sessions, default);
        return JsonSerializer.Serialize(new { dashboard, report, consultations, followUps, perClass });
    });

    private Task<HttpClient> CoordinatorAsync() => app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
}
