using System.Net;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Reporting;

/// <summary>
/// The 実績報告's figures for an auditor, against three hand-counted classes: how many came to each, who actually staffed
/// them against 1 講師 + 1 per 4 attendees, and who booked and did not come — on the page and in its downloads.
/// </summary>
public sealed class AnnualReportScaleTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheReport_CountsAttendeesPerClass_TheStaffWhoCame_AndNoShows()
    {
        var startsAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        // Four came and one did not, with a 講師 alone (one 補助 short); one came, with a 講師 and a 補助; the one booked did not come.
        var four = await app.ClassAtAsync(startsAt, course: 0, venue: 0);
        var one = await app.ClassAtAsync(startsAt, course: 1, venue: 1);
        var none = await app.ClassAtAsync(startsAt, course: 0, venue: 2);
        var lead = await app.EveningSupporterAsync("監査 講師", SupporterStatus.Lead);
        var secondLead = await app.EveningSupporterAsync("監査 講師二", SupporterStatus.Lead);
        var assistant = await app.EveningSupporterAsync("監査 補助");
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(four, lead, AssignmentRole.Lecturer));
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(one, secondLead, AssignmentRole.Lecturer));
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(one, assistant, AssignmentRole.Assistant));
        var attendance = new List<(string Code, bool Came)>();
        foreach (var (session, came, missed) in new[] { (four, 4, 1), (one, 1, 0), (none, 0, 1) })
        {
            for (var i = 0; i < came + missed; i++)
                attendance.Add((Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident())).Code, i < came));
        }
        app.Clock.Advance(TimeSpan.FromHours(5));
        foreach (var (code, came) in attendance) await app.WithBookingsAsync(b => b.RecordAttendanceAsync(code, came, default));

        var year = await app.FiscalYearOfAsync(four);
        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var page = await client.GetDocumentAsync($"/Coordinator/Report?fy={year}");
        Assert.Equal("1.7人", page.QuerySelector("#average-per-class")!.TextContent);
        Assert.Equal("2回（66.7%）", page.QuerySelector("#at-most-one")!.TextContent);
        Assert.Equal("28.6%", page.QuerySelector("#no-show-rate")!.TextContent);
        var sizes = Rows(page, "sizes");
        Assert.Equal(["1", "1", "0", "0", "1", "0", "0"], sizes.Select(r => r[1]));

        // 合計: 3 held, 5 came, 1.7 each, 2 with one or none, 2 of 7 booked did not come; 2 講師 and 1 補助 for 5 (1.7
        // each), and only the class of one met the rule.
        using var csv = await client.GetAsync($"/Coordinator/Report?fy={year}&handler=Export&table=by-level&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var rows = StrictCsv.Parse((await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        Assert.Equal(["合計", "3", "5", "1.7", "2", "2", "28.6%"], rows[^1]);
        Assert.Equal(rows[^1], Rows(page, "by-level")[^1]);
        Assert.Equal(["合計", "2", "1", "1.7", "1", "33.3%"], Rows(page, "staffing")[^1]);
        Assert.Single(await app.AuditEntriesAsync("report.exported"), e => e.SubjectId.Contains("レベル別", StringComparison.Ordinal));

        using var workbook = await client.GetAsync($"/Coordinator/Report?fy={year}&handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        var bytes = await workbook.Content.ReadAsByteArrayAsync();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false))
            Assert.Equal(5, document.WorkbookPart!.Workbook.Sheets!.ChildElements.Count);
        Assert.Empty(XlsxReader.FirstSheet(new MemoryStream(bytes)).SchemaErrors);
    }

    private static List<string[]> Rows(AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"#{table} tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray())];
}
