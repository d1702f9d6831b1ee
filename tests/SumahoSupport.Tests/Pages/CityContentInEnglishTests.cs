using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Pages;

/// <summary>The city's own words — course and venue — in English where a coordinator wrote them, Japanese otherwise.</summary>
public sealed class CityContentInEnglishTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<HttpClient> ReaderAsync(string language)
    {
        var client = app.CreateBrowserLikeClient();
        using var chosen = await client.GetAsync($"/Display?lang={language}&returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        return client;
    }

    [Fact]
    public async Task WhatACoordinatorWritesInEnglish_IsShownToEnglishReaders_AndInTheirMail_WholeFieldsOnly()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var ids = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => new { s.CourseId, s.VenueId }).SingleAsync());
        var (course, venue) = (ids.CourseId.ToString(CultureInfo.InvariantCulture), ids.VenueId.ToString(CultureInfo.InvariantCulture));
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        using (var saved = await coordinator.SubmitFormAsync($"/Coordinator/Courses/Edit/{course}", new Dictionary<string, string>
        {
            ["Input.TitleEn"] = "First steps with a smartphone", ["Input.SummaryEn"] = "",
        })) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var saved = await coordinator.SubmitFormAsync($"/Coordinator/Venues/Edit/{venue}", new Dictionary<string, string>
        {
            ["Input.NameEn"] = "Riverside Hall", ["Input.AccessEn"] = "Two minutes from the station.",
        })) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var japanese = await app.WithDbAsync(db => db.Courses.Where(c => c.Id == ids.CourseId).Select(c => new { c.Title, c.Summary }).SingleAsync());

        var english = await (await ReaderAsync("en")).GetDocumentAsync($"/Classes/{session}");
        var inJapanese = await (await ReaderAsync("ja")).GetDocumentAsync($"/Classes/{session}");

        Assert.Equal("First steps with a smartphone", english.QuerySelector("h1")!.TextContent);
        Assert.Contains("Riverside Hall", english.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Two minutes from the station.", english.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // No English summary was written: the Japanese one, whole.
        Assert.Contains(japanese.Summary, english.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(japanese.Title, inJapanese.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("Riverside Hall", inJapanese.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var email = $"{Guid.NewGuid():N}@example.com";
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "Sam Lee", ["Input.Phone"] = TestData.NextPhone(), ["Input.Email"] = email,
            ["Input.Device"] = nameof(DeviceType.Android), ["Consent"] = "true",
        };
        using (var booked = await (await ReaderAsync("en")).SubmitAndConfirmAsync($"/Classes/{session}/Book", form)) Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email));
        Assert.Contains("First steps with a smartphone", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Riverside Hall", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(japanese.Title, mail.TextBody, StringComparison.Ordinal);
    }
}
