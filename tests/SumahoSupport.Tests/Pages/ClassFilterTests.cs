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

    [Theory]
    [InlineData("2027-03-21", "2027-03-21", "2027-03-22", "2027-03-28", "2027-03-31")] // a Sunday: this week is today alone
    [InlineData("2027-03-22", "2027-03-28", "2027-03-29", "2027-04-04", "2027-03-31")] // a Monday
    [InlineData("2028-02-29", "2028-03-05", "2028-03-06", "2028-03-12", "2028-02-29")] // 29 February, the month's last day
    [InlineData("2027-12-31", "2028-01-02", "2028-01-03", "2028-01-09", "2027-12-31")] // the year's last day, a Friday
    public void Shortcuts_ThisWeekToSunday_NextWeekMondayToSunday_ThisMonthToItsEnd(string today, string sunday, string nextMonday, string nextSunday, string monthEnd)
    {
        var day = DateOnly.Parse(today, CultureInfo.InvariantCulture);
        var shortcuts = SumahoSupport.Web.Pages.Classes.ClassFilter.Shortcuts(day);
        Assert.Equal(("今週", day, DateOnly.Parse(sunday, CultureInfo.InvariantCulture)), shortcuts[0]);
        Assert.Equal(("来週", DateOnly.Parse(nextMonday, CultureInfo.InvariantCulture), DateOnly.Parse(nextSunday, CultureInfo.InvariantCulture)), shortcuts[1]);
        Assert.Equal(("今月", day, DateOnly.Parse(monthEnd, CultureInfo.InvariantCulture)), shortcuts[2]);
    }

    [Fact]
    public async Task NextWeek_IsOneTap_KeepsTheVenueChosen_AndListsThatWeeksClassesThere()
    {
        var venue = await app.WithDbAsync(db => db.Venues.SingleAsync(v => v.Name == "北部公民館"));
        var page = await app.CreateBrowserLikeClient().GetDocumentAsync($"/Classes?Filter.Venue={venue.Id}");
        var link = page.QuerySelectorAll(".date-shortcuts a").Single(a => a.TextContent == "来週").GetAttribute("href")!;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        var (from, to) = (DateOnly.Parse(query["Filter.From"]!, CultureInfo.InvariantCulture), DateOnly.Parse(query["Filter.To"]!, CultureInfo.InvariantCulture));
        var today = JapaneseTime.TodayInTokyo(app.Clock);

        Assert.Equal((DayOfWeek.Monday, 6), (from.DayOfWeek, to.DayNumber - from.DayNumber));
        Assert.InRange(from.DayNumber - today.DayNumber, 1, 7);
        Assert.Equal(venue.Id.ToString(CultureInfo.InvariantCulture), query["Filter.Venue"].ToString());
        var (fromUtc, untilUtc) = (JapaneseTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), JapaneseTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        Assert.Equal(await ExpectedAsync(q => q.Where(s => s.VenueId == venue.Id && s.StartsAtUtc >= fromUtc && s.StartsAtUtc < untilUtc)), await ListedAsync(link[link.IndexOf('?', StringComparison.Ordinal)..]));
    }

    [Fact]
    public async Task TheCachedList_OffersTomorrowsShortcuts_AfterMidnight()
    {
        var client = app.CreateBrowserLikeClient();
        string ThisWeekFrom(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".date-shortcuts a").Single(a => a.TextContent == "今週").GetAttribute("href")!;
        // Five minutes to midnight, the page is cached; six minutes later — well within the longest a page is kept — it is tomorrow.
        var tomorrow = JapaneseTime.TodayInTokyo(app.Clock).AddDays(1);
        // Already in the last five minutes of the day (the date sweep's 23:59): the next midnight after that.
        if (JapaneseTime.ToUtc(tomorrow.ToDateTime(TimeOnly.MinValue)).AddMinutes(-5) < app.Clock.GetUtcNow().UtcDateTime) tomorrow = tomorrow.AddDays(1);
        app.Clock.SetUtcNow(new DateTimeOffset(JapaneseTime.ToUtc(tomorrow.ToDateTime(TimeOnly.MinValue)).AddMinutes(-5), TimeSpan.Zero));
        var before = ThisWeekFrom(await client.GetDocumentAsync("/Classes"));

        app.Clock.Advance(TimeSpan.FromMinutes(6));

        var after = ThisWeekFrom(await client.GetDocumentAsync("/Classes"));
        Assert.NotEqual(before, after);
        Assert.Contains($"Filter.From={tomorrow:yyyy-MM-dd}", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArea_IsOneTap_KeepsTheDatesChosen_AndListsEveryVenueOfThatArea()
    {
        var today = JapaneseTime.TodayInTokyo(app.Clock);
        var (from, to) = (today, today.AddDays(40));
        var page = await app.CreateBrowserLikeClient().GetDocumentAsync($"/Classes?Filter.From={from:yyyy-MM-dd}&Filter.To={to:yyyy-MM-dd}");
        var choices = page.QuerySelectorAll(".area-choices a").ToList();
        Assert.Equal("すべての地区", choices[0].TextContent);
        Assert.Equal(["中央地区", "北部地区", "南部地区"], choices.Skip(1).Select(a => a.TextContent).Order(StringComparer.Ordinal));
        Assert.Equal("true", choices[0].GetAttribute("aria-current"));

        var link = choices.Single(a => a.TextContent == "中央地区").GetAttribute("href")!;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);

        Assert.Equal((from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (query["Filter.From"].ToString(), query["Filter.To"].ToString()));
        var (fromUtc, untilUtc) = (JapaneseTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), JapaneseTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var expected = await ExpectedAsync(q => q.Where(s => s.Venue.Area == "中央地区" && s.StartsAtUtc >= fromUtc && s.StartsAtUtc < untilUtc));
        Assert.True(await app.WithDbAsync(db => db.ClassSessions.Where(s => expected.Contains(s.Id)).Select(s => s.VenueId).Distinct().CountAsync()) > 1);
        Assert.Equal(expected, await ListedAsync(link[link.IndexOf('?', StringComparison.Ordinal)..]));
        var chosen = await app.CreateBrowserLikeClient().GetDocumentAsync(link);
        Assert.Equal("中央地区", chosen.QuerySelector(".area-choices a[aria-current=true]")!.TextContent);
        Assert.Equal("中央地区", chosen.QuerySelector("form.filter-form input[name='Filter.Area']")!.GetAttribute("value"));
    }

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
