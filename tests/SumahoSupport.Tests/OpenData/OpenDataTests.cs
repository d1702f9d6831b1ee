using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.OpenData;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.OpenData;

/// <summary>The 全国地方公共団体コード's check digit, at both of its special remainders.</summary>
public sealed class MunicipalityCodeTests
{
    [Theory]
    [InlineData("102121")] // みどり市 (群馬県)
    [InlineData("132039")] // 武蔵野市
    [InlineData("011002")] // 札幌市
    [InlineData("131041")] // 新宿区: remainder 0, check digit 1
    [InlineData("132080")] // 調布市: remainder 1, check digit 0
    public void ARealCode_IsValid(string code) => Assert.True(MunicipalityCode.IsValid(code));

    [Theory]
    [InlineData("102122")] // a mistyped check digit
    [InlineData("132081")]
    [InlineData("13208")] // five digits: the check digit left off
    [InlineData("１０２１２１")] // full-width
    [InlineData("482081")] // the digit fits, but there is no 48th prefecture
    [InlineData("")]
    public void AnythingElse_IsNot(string code) => Assert.False(MunicipalityCode.IsValid(code));
}

/// <summary>The suppression rule of results.csv at its edges, including the cell a total would give away.</summary>
public sealed class SmallCellTests
{
    [Fact]
    public void FourPeopleAreWithheld_FiveAreShown()
    {
        Assert.Equal(("F", false), Shown(ResultsFile.SmallCells([4], 4)));
        Assert.Equal(("TT", true), Shown(ResultsFile.SmallCells([5, 5], 10)));
        Assert.Equal(("FFT", true), Shown(ResultsFile.SmallCells([4, 4, 5], 13)));
    }

    [Fact]
    public void OneWithheldCell_TakesTheSmallestShownOneWithIt_SoTheTotalGivesNothingAway()
    {
        // 26 − 12 − 10 would be the 4: the 10 is withheld too.
        Assert.Equal(("FFT", true), Shown(ResultsFile.SmallCells([4, 10, 12], 26)));
        // Two already withheld: their sum is all the total tells.
        Assert.Equal(("FFT", true), Shown(ResultsFile.SmallCells([3, 4, 12], 19)));
        // No other cell to withhold: the total goes instead.
        Assert.Equal(("F", false), Shown(ResultsFile.SmallCells([4], 9)));
        // A total under five withholds everything.
        Assert.Equal(("FF", false), Shown(ResultsFile.SmallCells([2, 2], 4)));
    }

    /// <summary>Each cell as T (shown) or F (withheld), and the total.</summary>
    private static (string, bool) Shown((bool[] Cells, bool Total) result) => (string.Concat(result.Cells.Select(c => c ? 'T' : 'F')), result.Total);
}

/// <summary>
/// /opendata: the coming classes as the national 「イベント一覧」, and the results with no person in them — both strict RFC
/// 4180, open to anyone, and checked row by row against what the app holds.
/// </summary>
public sealed class OpenDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The header of 「イベント一覧」 (自治体標準オープンデータセット), as municipalities publish it.</summary>
    private const string StandardHeader =
        "NO,都道府県コード又は市区町村コード,名称,名称(カナ),名称(英字),名称(通称),サブタイトル,概要,説明,サブイベント,イベント種類,URL,画像URL,状態," +
        "対象となる産業,ステージ,開始日,終了日,開始時刻,終了時刻,日時備考,場所名称,集合場所,郵便番号,住所都道府県,住所市区町村,住所町名,住所丁目以下," +
        "建物名等,緯度,経度,主催団体,共催団体,その他関係団体,対象者,定員,料金(基本),料金(詳細),外国語対応,申込期限日,申込期限時刻,申込方法," +
        "アクセス方法,駐車場情報,駐輪場情報,連絡先名称,連絡先電話番号,連絡先内線番号,連絡先メールアドレス,備考";

    [Fact]
    public async Task EventsCsv_IsTheStandardsFormat_WithARowForEveryComingClassAsTheAppHoldsIt()
    {
        var full = await app.CreateSessionAsync(capacity: 1);
        var resident = TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp") with { Name = "公開 されない" };
        var code = Assert.IsType<BookingResult.Booked>(await app.BookAsync(full, resident)).Code;
        var cancelled = await app.CreateSessionAsync(capacity: 8, startsIn: TimeSpan.FromDays(4));
        await app.WithScopeAsync(s => s.GetRequiredService<ClassScheduleService>().CancelSessionAsync(cancelled, "講師の急病のため", default));
        var venue = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == full).Select(s => s.VenueId).SingleAsync());
        await SetLocationAsync(venue);
        var helpDay = JapaneseTime.TodayInTokyo(app.Clock).AddDays(10);
        await app.AddPhoneConsultationDayAsync(helpDay, new TimeOnly(13, 0), new TimeOnly(14, 0));

        using var response = await app.CreateClient().GetAsync("/opendata/events.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(StandardHeader, string.Join(",", StrictCsv.Parse(text)[0]));
        var rows = StrictCsv.Rows(text);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(n => n.ToString("D10", CultureInfo.InvariantCulture)), rows.Select(r => r["NO"]));

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var classes = await app.WithDbAsync(db => db.ClassSessions.AsNoTracking().Include(s => s.Course).Include(s => s.Venue)
            .Where(s => s.StartsAtUtc > now).ToListAsync());
        var classRows = rows.Where(r => r["イベント種類"] == "講座・教室").ToList();
        Assert.Equal(classes.Count, classRows.Count);
        foreach (var session in classes)
        {
            var row = Assert.Single(classRows, r => r["URL"].EndsWith($"/Classes/{session.Id}", StringComparison.Ordinal));
            var start = JapaneseTime.ToTokyo(session.StartsAtUtc);
            var end = JapaneseTime.ToTokyo(session.EndsAtUtc);
            var closes = JapaneseTime.ToTokyo(session.BookingClosesAtUtc);
            Assert.Equal("102121", row["都道府県コード又は市区町村コード"]);
            Assert.Equal(session.Course.Title, row["名称"]);
            Assert.Equal((start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.ToString("HH:mm", CultureInfo.InvariantCulture)), (row["開始日"], row["開始時刻"]));
            Assert.Equal((end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end.ToString("HH:mm", CultureInfo.InvariantCulture)), (row["終了日"], row["終了時刻"]));
            Assert.Equal((closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), closes.ToString("HH:mm", CultureInfo.InvariantCulture)), (row["申込期限日"], row["申込期限時刻"]));
            Assert.Equal(session.Status == ClassSessionStatus.Cancelled ? "中止" : session.Confirmed >= session.Capacity ? "満席" : "開催予定", row["状態"]);
            Assert.Equal(session.Capacity.ToString(CultureInfo.InvariantCulture), row["定員"]);
            Assert.Equal(session.Venue.Name, row["場所名称"]);
            Assert.Equal(session.Venue.Location.PostalCode ?? "", row["郵便番号"]);
            Assert.Contains("0120-000-000", row["申込方法"], StringComparison.Ordinal);
        }
        Assert.Equal("満席", Assert.Single(classRows, r => r["URL"].EndsWith($"/Classes/{full}", StringComparison.Ordinal))["状態"]);
        Assert.Equal("中止", Assert.Single(classRows, r => r["URL"].EndsWith($"/Classes/{cancelled}", StringComparison.Ordinal))["状態"]);
        var located = Assert.Single(classRows, r => r["URL"].EndsWith($"/Classes/{full}", StringComparison.Ordinal));
        Assert.Equal(["376-0101", "群馬県", "みどり市", "大間々町大間々", "1511", "36.4361", "139.2806"],
            [located["郵便番号"], located["住所都道府県"], located["住所市区町村"], located["住所町名"], located["住所丁目以下"], located["緯度"], located["経度"]]);
        // The consultation day: two half-hour slots by phone, free to book on the consultations page.
        var day = Assert.Single(rows, r => r["名称"] == "スマホ相談" && r["開始日"] == helpDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(["13:00", "14:00", "2", "開催予定"], [day["開始時刻"], day["終了時刻"], day["定員"], day["状態"]]);
        Assert.EndsWith("/Consultations", day["URL"], StringComparison.Ordinal);
        Assert.DoesNotContain("公開 されない", text, StringComparison.Ordinal);
        Assert.DoesNotContain(resident.Email!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(resident.Phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PhoneNumber.Format(resident.Phone), text, StringComparison.Ordinal);
        Assert.DoesNotContain(code, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsCsv_WithholdsSmallCellsAndWhatATotalWouldGiveAway_AndItsTotalsAreTheDashboards()
    {
        // Two courses at the same hour: one class of six attendees, one of three.
        var startsAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        var six = await app.ClassAtAsync(startsAt, course: 0, venue: 0);
        var three = await app.ClassAtAsync(startsAt, course: 1, venue: 1);
        var residents = new List<BookingRequest>();
        var codes = new List<string>();
        foreach (var (session, count) in new[] { (six, 6), (three, 3) })
        {
            for (var i = 0; i < count; i++)
            {
                var resident = TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp") with { Name = $"実績 {session}-{i}" };
                residents.Add(resident);
                codes.Add(Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, resident)).Code);
            }
        }
        app.Clock.Advance(TimeSpan.FromHours(5));
        foreach (var code in codes) await app.WithBookingsAsync(b => b.RecordAttendanceAsync(code, attended: true, default));
        var tokens = await app.WithDbAsync(db => db.Bookings.Where(b => b.ClassSessionId == six || b.ClassSessionId == three).Select(b => b.SurveyToken!).ToListAsync());
        foreach (var token in tokens)
            await app.WithScopeAsync(s => s.GetRequiredService<SurveyService>().SubmitAsync(token,
                new SurveyAnswers(Understanding.WellUnderstood, null, null, null, new Dictionary<int, CanDoLevel>()), SurveyChannel.Web, default));

        var text = await app.CreateClient().GetStringAsync("/opendata/results.csv");
        var rows = StrictCsv.Rows(text);
        var year = await app.FiscalYearOfAsync(six);
        var classes = rows.Where(r => r["区分"] == "教室" && r["年度"] == year.ToString(CultureInfo.InvariantCulture)).ToList();
        var courses = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == six || s.Id == three).Select(s => new { s.Id, s.Course.Title }).ToDictionaryAsync(s => s.Id, s => s.Title));
        var month = JapaneseTime.ToTokyo(startsAt).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var small = Assert.Single(classes, r => r["月"] == month && r["内容"] == courses[three]);
        var larger = Assert.Single(classes, r => r["月"] == month && r["内容"] == courses[six]);
        // Three people: withheld. Six: withheld too, or the year's 9 minus 6 would give the three back.
        Assert.Equal(["非公表", "非公表", "非公表"], [small["参加者数"], small["回答数"], small["理解度"]]);
        Assert.Equal(["非公表", "非公表"], [larger["参加者数"], larger["回答数"]]);
        Assert.Equal(["1", "1"], [small["開催回数"], larger["開催回数"]]);

        var total = Assert.Single(classes, r => r["月"] == "年度計");
        var dashboard = await app.WithScopeAsync(s =>
        {
            var statistics = s.GetRequiredService<SurveyStatistics>();
            return statistics.TotalAsync(statistics.SessionsOf(year), default);
        });
        Assert.Equal(dashboard.Sessions.ToString(CultureInfo.InvariantCulture), total["開催回数"]);
        Assert.Equal(dashboard.Attendees?.ToString(CultureInfo.InvariantCulture), total["参加者数"]);
        Assert.Equal(dashboard.Rate.Answers.ToString(CultureInfo.InvariantCulture), total["回答数"]);
        Assert.Equal(dashboard.Rate.Rate!.Value.ToString("0.000", CultureInfo.InvariantCulture), total["理解度"]);
        Assert.Equal(dashboard.Rate.Interval!.Value.Low.ToString("0.000", CultureInfo.InvariantCulture), total["理解度の95%信頼区間の下限"]);

        foreach (var resident in residents)
        {
            Assert.DoesNotContain(resident.Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(resident.Email!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(resident.Phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain(PhoneNumber.Format(resident.Phone), text, StringComparison.Ordinal);
        }
        Assert.All(codes, code => Assert.DoesNotContain(code, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOpenDataPage_NamesBothFilesAndTheLicence()
    {
        var page = await app.CreateBrowserLikeClient().GetDocumentAsync("/opendata");
        Assert.NotNull(page.QuerySelector("a[href='/opendata/events.csv']"));
        Assert.NotNull(page.QuerySelector("a[href='/opendata/results.csv']"));
        Assert.Contains("CC BY 4.0", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await app.CreateBrowserLikeClient().GetDocumentAsync("/")).QuerySelector("footer a[href='/opendata']"));
    }

    /// <summary>The venue's address as open data asks for it, typed as a coordinator would (full-width digits included).</summary>
    private async Task SetLocationAsync(int venue)
    {
        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var url = $"/Coordinator/Venues/Edit/{venue}";
        foreach (var (field, typed, message) in new[]
                 {
                     ("PostalCode", "376-01", "郵便番号は7けたの数字で入力してください（例: 376-0101）。"),
                     ("Latitude", "北緯36度", "緯度は数字で入力してください（例: 36.3947）。"),
                     ("Longitude", "36.4361", "緯度と経度は、両方入れるか、両方空にしてください。"),
                 })
        {
            using var refused = await client.SubmitFormAsync(url, new Dictionary<string, string> { [$"Input.{field}"] = typed });
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
            var page = await Forms.ParseAsync(refused);
            Assert.Contains(message, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
        using var saved = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.PostalCode"] = "〒３７６－０１０１", ["Input.Prefecture"] = "群馬県", ["Input.Municipality"] = "みどり市",
            ["Input.Town"] = "大間々町大間々", ["Input.Block"] = "1511", ["Input.Latitude"] = "36.4361", ["Input.Longitude"] = "１３９.２８０６",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
