using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>
/// The drill-downs and exports against two hand-counted classes. Class A (4 attendees) has web answers よく, だいたい,
/// あまり and one left blank who has no one to ask, a paper form 理解できなかった (80代, Android), and a tally of よく×3 and
/// 理解できなかった×1: understood 2+3 of 4+4 answers = 62.5%. Class B (2 attendees, another venue and course) has two
/// よく, one of them edited twice on the way: 2 of 2. Together 7 of 10 = 70.0%, Wilson 95% [39.7%, 89.2%].
/// </summary>
/// <summary>The two classes, answered once for every test of the class (the clock only moves forward).</summary>
public sealed class HandCountedClasses : AppFactory, IAsyncLifetime
{
    public int ClassA { get; private set; }
    public int ClassB { get; private set; }
    public string VenueA { get; private set; } = "";
    public string VenueB { get; private set; } = "";
    public string CourseB { get; private set; } = "";
    public int FiscalYear { get; private set; }

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        ClassA = await this.CreateSessionAsync(capacity: 4, startsIn: TimeSpan.FromHours(2));
        ClassB = await this.CreateSessionAsync(capacity: 2, startsIn: TimeSpan.FromHours(2));
        (VenueB, CourseB) = await this.WithDbAsync(async db =>
        {
            var venue = await db.Venues.OrderBy(v => v.LoanerDevices).FirstAsync();
            var course = await db.Courses.OrderByDescending(c => c.Id).FirstAsync();
            await db.ClassSessions.Where(s => s.Id == ClassB).ExecuteUpdateAsync(s => s.SetProperty(x => x.VenueId, venue.Id).SetProperty(x => x.CourseId, course.Id));
            return (venue.Name, course.Title);
        });
        VenueA = await this.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == ClassA).Select(s => s.Venue.Name).SingleAsync());
        FiscalYear = await this.FiscalYearOfAsync(ClassA);
        var codes = (await BookAsync(ClassA, 4)).Concat(await BookAsync(ClassB, 2)).ToList();
        Clock.Advance(TimeSpan.FromHours(3)); // the classes are under way: 出欠 opens on their day
        foreach (var code in codes) await this.WithBookingsAsync(b => b.RecordAttendanceAsync(code, true, default));
        var tokensA = await SurveyTokensAsync(ClassA);
        var tokensB = await SurveyTokensAsync(ClassB);
        Clock.Advance(TimeSpan.FromHours(2));

        await SubmitAsync(tokensA[0], Understanding.WellUnderstood);
        await SubmitAsync(tokensA[1], Understanding.MostlyUnderstood, comment: "=HYPERLINK(\"http://evil\")");
        await SubmitAsync(tokensA[2], Understanding.NotReallyUnderstood, comment: "文字が小さくて、ついていけませんでした");
        await SubmitAsync(tokensA[3], null, hasSomeoneToAsk: false);
        await this.WithScopeAsync(s => s.GetRequiredService<SurveyService>().EnterPaperAsync(
            ClassA, new PaperSheet(Understanding: 4, null, [], [], null, AgeBand: 4, Device: 1, null), default));
        await this.WithScopeAsync(s => s.GetRequiredService<SurveyService>().EnterTallyAsync(ClassA, new Dictionary<Understanding, int>
        {
            [Understanding.WellUnderstood] = 3, [Understanding.DidNotUnderstand] = 1,
        }, "test", default));

        await SubmitAsync(tokensB[0], Understanding.DidNotUnderstand);
        await SubmitAsync(tokensB[0], Understanding.MostlyUnderstood);
        await SubmitAsync(tokensB[0], Understanding.WellUnderstood);
        await SubmitAsync(tokensB[1], Understanding.WellUnderstood);
    }

    private async Task<List<string>> BookAsync(int session, int people)
    {
        var codes = new List<string>();
        for (var i = 0; i < people; i++) codes.Add(Assert.IsType<BookingResult.Booked>(await this.BookAsync(session, TestData.Resident())).Code);
        return codes;
    }

    private Task<List<string>> SurveyTokensAsync(int session) =>
        this.WithDbAsync(db => db.Bookings.Where(b => b.ClassSessionId == session).OrderBy(b => b.Id).Select(b => b.SurveyToken!).ToListAsync());

    private Task SubmitAsync(string token, Understanding? understanding, bool? hasSomeoneToAsk = null, string? comment = null) =>
        this.WithScopeAsync(s => s.GetRequiredService<SurveyService>().SubmitAsync(token, SurveyReportingTests.Answers(understanding, hasSomeoneToAsk, comment), SurveyChannel.Web, default));
}

public sealed class SurveyReportingTests(HandCountedClasses app) : IClassFixture<HandCountedClasses>
{
    private int classA => app.ClassA;
    private int classB => app.ClassB;
    private string venueA => app.VenueA;
    private string venueB => app.VenueB;
    private string courseB => app.CourseB;

    [Fact]
    public async Task PerClassFigures_CountAnswersTalliesAttendeesAndNoOneToAsk()
    {
        var figures = await FiguresAsync();
        var a = figures.Single(f => f.SessionId == classA);
        Assert.Equal((5, 8), (a.Rate.Understood, a.Rate.Answers));
        Assert.Equal(4, a.Attendees);
        Assert.Equal(9, a.Responses); // 4 web + 1 paper + 4 tallied
        Assert.Equal((1, 1), (a.NoOneToAsk, a.AskAnswered));
        var b = figures.Single(f => f.SessionId == classB);
        Assert.Equal((2, 2, 2, 2), (b.Rate.Understood, b.Rate.Answers, b.Attendees, b.Responses));

        var total = SurveyBreakdown.Total("合計", figures);
        Assert.Equal(0.7, total.Rate.Rate);
        Assert.Equal((0.397, 0.892), (Math.Round(total.Rate.Interval!.Value.Low, 3), Math.Round(total.Rate.Interval!.Value.High, 3)));
        Assert.Equal(11.0 / 6, total.ResponseRate);
    }

    [Fact]
    public async Task ByVenueAndCourse_RollTheClassesUp()
    {
        var figures = await FiguresAsync();
        var venues = SurveyBreakdown.ByClass(figures, BreakdownDimension.Venue);
        Assert.Equal(0.625, venues.Single(v => v.Label == venueA).Rate.Rate);
        Assert.Equal(1.0, venues.Single(v => v.Label == venueB).NoOneToAskShare ?? 1.0);
        Assert.Equal(1.0, venues.Single(v => v.Label == venueA).NoOneToAskShare);
        var courses = SurveyBreakdown.ByClass(figures, BreakdownDimension.Course);
        Assert.Equal((2, 2), (courses.Single(c => c.Label == courseB).Rate.Understood, courses.Single(c => c.Label == courseB).Rate.Answers));
        var lecturers = SurveyBreakdown.ByClass(figures, BreakdownDimension.Lecturer);
        Assert.Equal(SurveyBreakdown.NoLecturer, Assert.Single(lecturers).Label);
    }

    [Fact]
    public async Task ByAgeBand_KeepsTalliesAsARowOfTheirOwn()
    {
        var rows = await app.WithScopeAsync(s => s.GetRequiredService<SurveyStatistics>().ByRespondentAsync(OurClasses(s), BreakdownDimension.AgeBand, default));
        // Web answers carry the booking's 70代; the paper form said 80代; the tally has no age.
        Assert.Equal(["70代", "80代", "不明（集計入力）"], rows.Select(r => r.Label));
        Assert.Equal((4, 5), (rows[0].Rate.Understood, rows[0].Rate.Answers)); // A: よく, だいたい, あまり; B: よく, よく
        Assert.Equal((0, 1), (rows[1].Rate.Understood, rows[1].Rate.Answers));
        Assert.Equal((3, 4), (rows[2].Rate.Understood, rows[2].Rate.Answers));
        Assert.Null(rows[0].Attendees);

        var devices = await app.WithScopeAsync(s => s.GetRequiredService<SurveyStatistics>().ByRespondentAsync(OurClasses(s), BreakdownDimension.Device, default));
        Assert.Equal(7, devices.Single(d => d.Label == "Android").Responses);
    }

    [Fact]
    public async Task CsvExport_IsUtf8WithBom_QuotesAndDefusesFormulas()
    {
        var client = await CoordinatorAsync();
        using var response = await client.GetAsync($"/Coordinator/Dashboard/Export?fy={Year}&view=responses&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", SurveyTables.ResponseColumns), lines[0]);
        Assert.Equal(7, lines.Length - 1); // individual responses only: A 4 web + 1 paper, B 2
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("文字が小さくて、ついていけませんでした", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XlsxExport_OfTheVenueView_HoldsNumbersAndPercentages()
    {
        var client = await CoordinatorAsync();
        using var response = await client.GetAsync($"/Coordinator/Dashboard/Export?fy={Year}&view=venue&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = XlsxReader.FirstSheet(await response.Content.ReadAsStreamAsync());
        Assert.Empty(sheet.SchemaErrors);
        Assert.Equal("会場", sheet.Rows[0][0].Text);
        var row = sheet.Rows.Single(r => r[0].Text == venueA);
        Assert.Equal(("0.625", "0.0%"), row[5]);
        Assert.Equal("8", row[9].Text);
    }

    [Fact]
    public async Task BreakdownPage_SortsByAColumnOnTheServer_AndSaysSo()
    {
        var client = await CoordinatorAsync();
        var page = await client.GetDocumentAsync($"/Coordinator/Dashboard/Breakdown?fy={Year}&by=Venue&sort=breakdown.5.desc");
        var heading = page.QuerySelectorAll("#breakdown thead th")[5];
        Assert.Equal("descending", heading.GetAttribute("aria-sort"));
        Assert.Contains("sort=breakdown.5.asc", heading.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        var rates = page.QuerySelectorAll("#breakdown tbody tr").Select(r => r.Children[5].TextContent).Where(t => t.Length > 0).ToList();
        Assert.Equal(rates.OrderByDescending(r => double.Parse(r.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)), rates);
        Assert.Contains("100.0%", rates);

        using var unknown = await client.GetAsync($"/Coordinator/Dashboard/Export?fy={Year}&view=<script>&format=csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badFormat = await client.GetAsync($"/Coordinator/Dashboard/Export?fy={Year}&view=venue&format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ShowsTheTrendAsSvgWithATable_AndTheCommentsOfClassesBelowTarget()
    {
        var client = await CoordinatorAsync();
        var page = await client.GetDocumentAsync($"/Coordinator/Dashboard?fy={Year}");
        var svg = page.QuerySelector("figure.trend-chart svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("70.0%（10件）", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#months table"));
        var below = page.QuerySelector($"tr[data-session='{classA}']")!;
        Assert.Contains("文字が小さくて、ついていけませんでした", below.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"tr[data-session='{classB}']"));
        Assert.Contains(venueA, page.QuerySelector("#venues")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_CountsClassesParticipantsAndTheRateForTheCouncil()
    {
        var client = await CoordinatorAsync();
        var page = await client.GetDocumentAsync($"/Coordinator/Report?fy={Year}");
        var (from, until) = FiscalYear.UtcRange(Year);
        var held = await app.WithDbAsync(db => db.ClassSessions.CountAsync(s => s.StartsAtUtc <= app.Clock.GetUtcNow().UtcDateTime
            && s.Status == Core.Classes.ClassSessionStatus.Scheduled && s.StartsAtUtc >= from && s.StartsAtUtc < until));
        Assert.Equal($"{held}回", page.QuerySelector("#classes-held")!.TextContent);
        Assert.Equal("6人", page.QuerySelector("#visits")!.TextContent);
        Assert.StartsWith("70.0%（10人中7人）　目標未達　95%信頼区間 39.7%〜89.2%", page.QuerySelector("#understanding")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    /// <summary>The hand-counted classes' 年度 (not today's: set up late on 31 March, they are last year's by now).</summary>
    private int Year => app.FiscalYear;

    internal static SurveyAnswers Answers(Understanding? understanding, bool? hasSomeoneToAsk = null, string? comment = null) =>
        new(understanding, null, hasSomeoneToAsk, comment, new Dictionary<int, CanDoLevel>());

    private IQueryable<Core.Classes.ClassSession> OurClasses(IServiceProvider s) =>
        s.GetRequiredService<AppDbContext>().ClassSessions.Where(x => x.Id == classA || x.Id == classB);

    private Task<List<SessionFigures>> FiguresAsync() =>
        app.WithScopeAsync(async s => (await s.GetRequiredService<SurveyStatistics>().SessionFiguresAsync(OurClasses(s), default)).ToList());

    private Task<HttpClient> CoordinatorAsync() => app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
}
