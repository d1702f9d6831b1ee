using System.Net;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Pages;

public sealed class ClassFilterTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Every class listed, following the 「次のページ」 links from page to page as a resident would.</summary>
    private async Task<List<int>> ListedAsync(string query)
    {
        var client = app.CreateBrowserLikeClient();
        var listed = new List<int>();
        for (var url = "/Classes" + query; url is not null;)
        {
            var page = await client.GetDocumentAsync(url);
            listed.AddRange(page.QuerySelectorAll(".class-card .class-title a")
                .Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture)));
            url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }
        return listed;
    }

    private Task<List<int>> ExpectedAsync(Func<IQueryable<ClassSession>, IQueryable<ClassSession>> filter) =>
        app.WithDbAsync(db => filter(db.ClassSessions.Where(s => s.Status == ClassSessionStatus.Scheduled && s.StartsAtUtc > app.Clock.GetUtcNow().UtcDateTime))
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync());

    [Fact]
    public async Task Venue_ShowsOnlyThatVenuesClasses()
    {
        var venue = await app.WithDbAsync(db => db.Venues.SingleAsync(v => v.Name == "北部公民館"));
        var expected = await ExpectedAsync(q => q.Where(s => s.VenueId == venue.Id));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await ListedAsync($"?Filter.Venue={venue.Id}"));
    }

    [Fact]
    public async Task Os_Android_KeepsClassesForAnyPhoneAndDropsIPhoneOnes()
    {
        var listed = await ListedAsync("?Filter.Os=Android");
        var expected = await ExpectedAsync(q => q.Where(s => s.Course.TargetOs != TargetOs.IPhone));
        Assert.Equal(expected, listed);
        Assert.NotEqual(await ExpectedAsync(q => q), listed);
    }

    [Fact]
    public async Task TopicAndLevel_Combine()
    {
        var expected = await ExpectedAsync(q => q.Where(s => s.Course.Topic == "基本操作" && s.Course.Level == CourseLevel.Introductory));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await ListedAsync($"?Filter.Topic={Uri.EscapeDataString("基本操作")}&Filter.Level=Introductory"));
    }

    [Fact]
    public async Task DateRange_IsInclusiveTokyoDays()
    {
        var from = JapaneseTime.TodayInTokyo(app.Clock).AddDays(7);
        var to = from.AddDays(6);
        var fromUtc = JapaneseTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var untilUtc = JapaneseTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var expected = await ExpectedAsync(q => q.Where(s => s.StartsAtUtc >= fromUtc && s.StartsAtUtc < untilUtc));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await ListedAsync($"?Filter.From={from:yyyy-MM-dd}&Filter.To={to:yyyy-MM-dd}"));
    }

    [Fact]
    public async Task ReversedDates_AreExplainedAndTheFullListIsShown()
    {
        var page = await app.CreateBrowserLikeClient().GetDocumentAsync("/Classes?Filter.From=2027-03-01&Filter.To=2027-02-01");
        Assert.Equal("「いつまで」は「いつから」より後の日にしてください。", page.QuerySelector("#Filter_To-error")!.TextContent);
        Assert.Equal(await ExpectedAsync(q => q), await ListedAsync("?Filter.From=2027-03-01&Filter.To=2027-02-01"));
    }

    [Theory]
    [InlineData("Filter.To=9999-12-31", "Filter_To")]
    [InlineData("Filter.From=0001-01-01", "Filter_From")]
    public async Task ADateOutsideTheCalendar_IsExplained_AndTheListStillShows(string query, string field)
    {
        using var response = await app.CreateBrowserLikeClient().GetAsync($"/Classes?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.EndsWith("は1900年から2199年までの日付で入力してください。", page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(await ExpectedAsync(q => q), await ListedAsync($"?{query}"));
    }
}
