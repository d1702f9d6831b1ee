using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Supporters;

/// <summary>The supporter journey over HTTP, with real antiforgery tokens: apply, approval, password, training, availability, badges.</summary>
public sealed partial class SupporterPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnApplicant_AppliesOnline_IsApproved_SetsAPasswordFromTheMail_AndSignsIn()
    {
        var anonymous = app.CreateBrowserLikeClient();
        var email = $"{Guid.NewGuid():N}@example.jp";
        var phone = TestData.NextPhone();
        var fullWidthPhone = string.Concat(phone.Select(c => (char)(c - '0' + '０')));
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "小林 正", ["Input.Kana"] = "コバヤシ タダシ", ["Input.Phone"] = fullWidthPhone, ["Input.Email"] = email,
            ["Input.Area"] = "北部地区", ["Input.KnowsAndroid"] = "true", ["Input.Slots"] = "3-0", ["Input.Note"] = "元SEです。",
        };

        using var refused = await anonymous.SubmitFormAsync("/Supporter/Apply", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("個人情報の取り扱いに同意してください。", (await Forms.ParseAsync(refused)).QuerySelector("#Input_Consent-error")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Supporters.AnyAsync(s => s.Email == email)));

        form["Input.Consent"] = "true";
        using var sent = await anonymous.SubmitFormAsync("/Supporter/Apply", form);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("ご応募ありがとうございます", (await anonymous.GetDocumentAsync(sent.Headers.Location!.OriginalString)).Body!.TextContent, StringComparison.Ordinal);
        var applicant = await app.WithDbAsync(db => db.Supporters.Include(s => s.WeeklyAvailability).AsNoTracking().SingleAsync(s => s.Email == email));
        Assert.Equal((SupporterStatus.Applicant, phone, "こばやし ただし", true, false), (applicant.Status, applicant.Phone, applicant.Kana, applicant.KnowsAndroid, applicant.KnowsIPhone));
        var slot = Assert.Single(applicant.WeeklyAvailability);
        Assert.Equal((DayOfWeek.Wednesday, 540, 720), (slot.Weekday, slot.StartMinute, slot.EndMinute));

        using var again = await anonymous.SubmitFormAsync("/Supporter/Apply", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("すでに応募または登録があります", (await Forms.ParseAsync(again)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var coordinator = app.CreateBrowserLikeClient();
        using var __ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var roster = await coordinator.GetDocumentAsync("/Coordinator/Supporters?Status=Applicant");
        Assert.Contains(roster.QuerySelectorAll("#roster tbody th a"), a => a.TextContent == "小林 正");
        var inArea = await coordinator.GetDocumentAsync("/Coordinator/Supporters?ActivityArea=%E5%8C%97%E9%83%A8%E5%9C%B0%E5%8C%BA&Device=android");
        Assert.Contains(inArea.QuerySelectorAll("#roster tbody th a"), a => a.TextContent == "小林 正");
        var iPhoneTeachers = await coordinator.GetDocumentAsync("/Coordinator/Supporters?Device=iphone");
        Assert.DoesNotContain(iPhoneTeachers.QuerySelectorAll("#roster tbody th a"), a => a.TextContent == "小林 正");
        using var approved = await coordinator.SubmitFormAsync($"/Coordinator/Supporters/{applicant.Id}", new Dictionary<string, string>(), "form[action*='handler=Approve']");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(SupporterStatus.Trainee, await app.StatusAsync(applicant.Id));

        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email && m.Kind == "supporter-approved"));
        var link = new Uri(SetPasswordLink().Match(mail.TextBody).Value).PathAndQuery;
        using var mismatch = await anonymous.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = "Kobayashi-2026-pass", ["Input.Confirm"] = "something-else-2026" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        using var set = await anonymous.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = "Kobayashi-2026-pass", ["Input.Confirm"] = "Kobayashi-2026-pass" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        using var reused = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        var reusedPage = (await Forms.ParseAsync(reused)).Body!.TextContent;
        Assert.Contains("期限切れか、すでに使われています", reusedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(email, reusedPage, StringComparison.Ordinal);

        var supporter = app.CreateBrowserLikeClient();
        using var signedIn = await supporter.SignInAsync(email, "Kobayashi-2026-pass");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var myPage = await supporter.GetDocumentAsync("/Supporter");
        Assert.Contains("研修中", myPage.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("必修研修の合格: 0 / 8", myPage.QuerySelector("#cert-progress-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASupporter_TakesACheckTestOnThePage_IsToldWhatWasWrong_ThenPasses()
    {
        var supporter = app.CreateBrowserLikeClient();
        using var _ = await supporter.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        var list = await supporter.GetDocumentAsync("/Supporter/Training");
        Assert.Contains(list.QuerySelectorAll("a[href='/Supporter/Training/security']"), a => a.TextContent == "詐欺・セキュリティ");
        var right = await app.CorrectAnswersAsync("security");
        var url = "/Supporter/Training/security";

        using var blank = await supporter.SubmitFormAsync(url, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Equal("問1の答えを選んでください。", (await Forms.ParseAsync(blank)).QuerySelector("#Answers_0__Choice-error")!.TextContent);

        var wrong = right.Select((a, i) => i == 1 ? (a + 1) % 3 : a).ToList();
        using var failed = await supporter.SubmitFormAsync(url, Answers(wrong));
        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        Assert.Contains("間違えた問題: 問2", (await supporter.GetDocumentAsync(url)).QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);

        using var passed = await supporter.SubmitFormAsync(url, Answers(right));
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        var after = await supporter.GetDocumentAsync(url);
        Assert.Contains("100点で合格です。", after.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("合格済み", after.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);

        using var inPerson = await supporter.GetAsync("/Supporter/Training/classroom-practice");
        Assert.Equal(HttpStatusCode.NotFound, inPerson.StatusCode);
    }

    [Fact]
    public async Task Availability_WeeklyPatternAndDaysOff_AreKeptAndExplained()
    {
        var supporter = app.CreateBrowserLikeClient();
        using var _ = await supporter.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        var me = await app.WithDbAsync(db => db.Supporters.Where(s => s.Email == DemoAccounts.SupporterEmail).Select(s => s.Id).SingleAsync());
        var page = "/Supporter/Availability";

        var weekly = await supporter.GetDocumentAsync(page);
        var form = weekly.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action*='handler=Weekly']")!;
        var fields = Forms.FieldsOf(form).Where(f => f.Key == "__RequestVerificationToken").Append(new("Slots", "1-0")).Append(new("Slots", "1-1")).Append(new("Slots", "6-2")).Append(new("Slots", "9-9"));
        using (var content = new FormUrlEncodedContent(fields))
        using (var saved = await supporter.PostAsync(form.GetAttribute("action"), content)) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Monday morning and afternoon are one slot (9:00–17:00), so a class over the lunch hour fits; the unknown box is ignored.
        var slots = await app.WithDbAsync(db => db.WeeklyAvailability.Where(a => a.SupporterId == me).OrderBy(a => a.Weekday).Select(a => new { a.Weekday, a.StartMinute, a.EndMinute }).ToListAsync());
        Assert.Equal([(DayOfWeek.Monday, 540, 1020), (DayOfWeek.Saturday, 1080, 1260)], slots.Select(s => (s.Weekday, s.StartMinute, s.EndMinute)));
        var shown = await supporter.GetDocumentAsync(page);
        Assert.Equal(["1-0", "1-1", "6-2"], shown.QuerySelectorAll("input[name=Slots]:checked").Select(i => i.GetAttribute("value")!));

        var dayOff = "form[action*='handler=AddDayOff']";
        var yesterday = JapaneseTime.TodayInTokyo(app.Clock).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var past = await supporter.SubmitFormAsync(page, new Dictionary<string, string> { ["DayOff.Date"] = yesterday }, dayOff);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.StartsWith("過ぎた日は休みにできません", (await Forms.ParseAsync(past)).QuerySelector("#DayOff_Date-error")!.TextContent, StringComparison.Ordinal);

        var date = JapaneseTime.TodayInTokyo(app.Clock).AddDays(10);
        var fullWidth = string.Concat(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));
        using var added = await supporter.SubmitFormAsync(page, new Dictionary<string, string> { ["DayOff.Date"] = fullWidth, ["DayOff.Note"] = "法事" }, dayOff);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var listed = await supporter.GetDocumentAsync(page);
        Assert.Contains("法事", listed.QuerySelector("main .match-list")!.TextContent, StringComparison.Ordinal);

        // Another supporter's day off cannot be removed through this form.
        var other = await app.WithDbAsync(async db =>
        {
            var someoneElse = await db.Supporters.Where(s => s.Id != me).Select(s => s.Id).FirstAsync();
            db.AvailabilityExceptions.Add(new AvailabilityException { SupporterId = someoneElse, Date = date });
            await db.SaveChangesAsync();
            return await db.AvailabilityExceptions.Where(e => e.SupporterId == someoneElse).Select(e => e.Id).SingleAsync();
        });
        using var removeOther = await supporter.SubmitFormAsync(page, new Dictionary<string, string> { ["dayOffId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[action*='handler=RemoveDayOff']");
        Assert.True(await app.WithDbAsync(db => db.AvailabilityExceptions.AnyAsync(e => e.Id == other)));
        using var removeMine = await supporter.SubmitFormAsync(page, new Dictionary<string, string>(), "form[action*='handler=RemoveDayOff']");
        Assert.False(await app.WithDbAsync(db => db.AvailabilityExceptions.AnyAsync(e => e.SupporterId == me)));
    }

    [Fact]
    public async Task Pages_AreOnlyForTheirRoles_AndACertificateOnlyForItsHolderAndCoordinators()
    {
        var anonymous = app.CreateBrowserLikeClient();
        using (var r = await anonymous.GetAsync("/Supporter/Training")) Assert.Equal("/Account/Login", r.Headers.Location!.AbsolutePath);
        using (var r = await anonymous.GetAsync("/Supporter/Apply")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        var supporter = app.CreateBrowserLikeClient();
        using var _ = await supporter.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        using (var r = await supporter.GetAsync("/Coordinator/Supporters")) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using (var r = await supporter.GetAsync("/Coordinator/Supporters/Hours?format=csv")) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var coordinator = app.CreateBrowserLikeClient();
        using var __ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        using (var r = await coordinator.GetAsync("/Supporter/Training")) Assert.Equal("/Account/AccessDenied", r.Headers.Location!.AbsolutePath);

        var mine = await app.WithDbAsync(db => db.Certifications.Where(c => c.Supporter.Email == DemoAccounts.SupporterEmail).Select(c => c.PublicId).FirstAsync());
        var someoneElses = await app.WithDbAsync(db => db.Certifications.Where(c => c.Supporter.Email != DemoAccounts.SupporterEmail).Select(c => c.PublicId).FirstAsync());
        var certificate = await supporter.GetDocumentAsync($"/Certificates/{mine}");
        Assert.Contains("佐藤 一郎 様", certificate.QuerySelector(".certificate-name")!.TextContent, StringComparison.Ordinal);
        Assert.Matches("令和\\d+年\\d+月\\d+日", certificate.QuerySelector(".certificate")!.TextContent);
        using (var r = await supporter.GetAsync($"/Certificates/{someoneElses}")) Assert.Equal("/Account/AccessDenied", r.Headers.Location!.AbsolutePath);
        using (var r = await coordinator.GetAsync($"/Certificates/{someoneElses}")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await coordinator.GetAsync("/Certificates/0000")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    [Fact]
    public async Task OpenBadges_AssertionBadgeClassAndIssuer_AreHostedAndLinked_AndTheRecipientIsHashed()
    {
        var (publicId, email) = await app.WithDbAsync(db => db.Certifications.Where(c => c.Supporter.Email == DemoAccounts.SupporterEmail)
            .Select(c => new ValueTuple<string, string>(c.PublicId, c.Supporter.Email!)).FirstAsync());
        var client = app.CreateClient();

        var assertion = await JsonAsync(client, $"/Badges/{publicId}");
        Assert.Equal(("https://w3id.org/openbadges/v2", "Assertion"), ((string?)assertion["@context"], (string?)assertion["type"]));
        Assert.EndsWith($"/Badges/{publicId}", (string)assertion["id"]!, StringComparison.Ordinal);
        Assert.Equal("hosted", (string?)assertion["verification"]!["type"]);
        var recipient = assertion["recipient"]!;
        Assert.Equal(("email", true), ((string?)recipient["type"], (bool)recipient["hashed"]!));
        var expected = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email + (string)recipient["salt"]!)));
        Assert.Equal(expected, (string?)recipient["identity"]);
        Assert.DoesNotContain(email, assertion.ToJsonString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string)assertion["issuedOn"]!);

        var badge = await JsonAsync(client, new Uri((string)assertion["badge"]!).AbsolutePath);
        Assert.Equal("BadgeClass", (string?)badge["type"]);
        Assert.Contains("講師（リーダー）", (string)badge["name"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)badge["criteria"]!["narrative"]));
        using (var image = await client.GetAsync(new Uri((string)badge["image"]!).AbsolutePath)) Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        var issuer = await JsonAsync(client, new Uri((string)badge["issuer"]!).AbsolutePath);
        Assert.Equal("Issuer", (string?)issuer["type"]);

        using (var r = await client.GetAsync($"/Badges/{new string('0', 32)}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await client.GetAsync("/Badges/not-an-id")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await client.GetAsync("/Badges/Classes/gold")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    [Fact]
    public async Task Coordinator_RecordsInPersonTraining_Once_AndNotForAFutureDay()
    {
        var trainee = await app.TraineeAsync();
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var url = $"/Coordinator/Supporters/{trainee}";
        var form = "form[action*='handler=RecordInPerson']";
        var day = (int offset) => JapaneseTime.TodayInTokyo(app.Clock).AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var future = await coordinator.SubmitFormAsync(url, new Dictionary<string, string> { ["AttendedOn"] = day(3) }, form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Equal("受講した日は今日以前の日付で入力してください。", (await Forms.ParseAsync(future)).QuerySelector("#AttendedOn-error")!.TextContent);

        using var recorded = await coordinator.SubmitFormAsync(url, new Dictionary<string, string> { ["AttendedOn"] = day(-2) }, form);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        using var twice = await coordinator.SubmitFormAsync(url, new Dictionary<string, string> { ["AttendedOn"] = day(-1) }, form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        var record = await app.WithDbAsync(db => db.TrainingRecords.AsNoTracking().SingleAsync(r => r.SupporterId == trainee));
        Assert.Equal((TrainingMethod.InPerson, true, 1), (record.Method, record.Passed, record.Attempt));
        var page = await coordinator.GetDocumentAsync(url);
        Assert.Contains("合格", page.QuerySelectorAll("#training tbody tr").Single(r => r.TextContent.Contains("教室運営の実際", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Answers(IReadOnlyList<int> choices) =>
        choices.Select((c, i) => (Key: $"Answers[{i}].Choice", Value: c.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToDictionary(x => x.Key, x => x.Value);

    private static async Task<JsonNode> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [GeneratedRegex(@"https?://\S+/Account/SetPassword\?\S+")]
    private static partial Regex SetPasswordLink();
}
