using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Consultations;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Tests.Web;

namespace SumahoSupport.Tests.Pages;

/// <summary>
/// 日本語 / English (docs/ARCHITECTURE.md, "Languages"): the header's link, every resident and supporter page with an
/// English entry for each Japanese phrase it uses, and a booking made in English that hears from the city in English.
/// </summary>
public sealed partial class LanguageTests(TranslationCheckingAppFactory app) : IClassFixture<TranslationCheckingAppFactory>
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task ChooseAsync(HttpClient client, string language, string returnUrl = "/")
    {
        using var chosen = await client.GetAsync($"/Display?lang={language}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(returnUrl, chosen.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheLanguageLink_IsRemembered_AndEveryPageFollowsIt_UntilJapaneseIsChosen()
    {
        var session = await app.CreateSessionAsync(capacity: 8);
        var client = NewClient();
        var japanese = await client.GetDocumentAsync("/Classes");
        Assert.Equal("ja", japanese.DocumentElement.GetAttribute("lang"));
        var link = japanese.QuerySelector("a[lang=en]")!;
        Assert.Equal("English", link.TextContent);

        using (var followed = await client.GetAsync(link.GetAttribute("href")))
        {
            Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
            Assert.Equal("/Classes", followed.Headers.Location!.OriginalString);
        }
        var english = await client.GetDocumentAsync($"/Classes/{session}");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Book this class", english.QuerySelector("main a.button-primary")!.TextContent.Trim());
        Assert.Equal("8 seats left", english.QuerySelector(".badge")!.TextContent);
        // Dates in English, still Japan's time: "Sun 6 Dec 2026 10:00–11:30".
        Assert.Matches(@"^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}:\d{2}–\d{1,2}:\d{2}", english.QuerySelector("main time")!.TextContent.Trim());

        await ChooseAsync(client, "ja", $"/Classes/{session}");
        var back = await client.GetDocumentAsync($"/Classes/{session}");
        Assert.Equal("ja", back.DocumentElement.GetAttribute("lang"));
        Assert.Equal("この教室を予約する", back.QuerySelector("main a.button-primary")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnUnknownLanguage_OrAReturnAddressOffTheSite_ChangesNothingAndStaysOnTheSite()
    {
        var client = NewClient();
        using var odd = await client.GetAsync("/Display?lang=fr&returnUrl=https://evil.example/");
        Assert.Equal(HttpStatusCode.Redirect, odd.StatusCode);
        Assert.Equal("/", odd.Headers.Location!.OriginalString);
        Assert.Equal("ja", (await client.GetDocumentAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("supporter")]
    public async Task InEnglish_EveryJapanesePhraseOnTheResidentAndSupporterPages_HasAnEnglishEntry(string visitor)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        if (DemoAccounts.Of(visitor) is var (email, password)) await LinkTests.SignInAsync(client, email, password);
        // Every page this visitor may open, from the app's endpoints, with real data (a booking, a consultation, a
        // survey, a certificate); then every link on them. The first address is the language link itself.
        var samples = await SitePages.SamplesAsync(app);
        var pages = SitePages.Pages(app.Services)
            .Select(page => SitePages.Expected[page.Key])
            .Where(page => SitePages.Opens(visitor, page.Access))
            .Select(page => page.Url(samples))
            .Where(url => !url.StartsWith("/Display", StringComparison.Ordinal) && !url.StartsWith("/Account/Logout", StringComparison.Ordinal) && !url.StartsWith("/Error", StringComparison.Ordinal));

        // Staff pages are English "where the resources reach"; the promise is for residents' and supporters' pages.
        var (visited, broken) = await SiteCrawler.CrawlAsync(client, ["/Display?lang=en&returnUrl=/", .. pages],
            follow: target => !target.AbsolutePath.StartsWith("/Display", StringComparison.Ordinal)
                && !target.AbsolutePath.StartsWith("/Account/Logout", StringComparison.Ordinal)
                && !target.AbsolutePath.StartsWith("/Coordinator", StringComparison.Ordinal)
                && !target.AbsolutePath.StartsWith("/Admin", StringComparison.Ordinal));
        using (var notFound = await client.GetAsync("/Classes/999999")) Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);

        Assert.True(visited > 15, $"only {visited} pages were reached");
        Assert.Empty(broken);
        app.Missing.AssertNone();
    }

    [Fact]
    public void EveryPhraseTheResidentAndSupporterViewsName_HasAnEnglishEntry_WhateverTheDaysBookingsDraw()
    {
        // The crawl above sees what today's demo bookings draw; a supporter's class with a resident who needs a phone on
        // loan drew a phrase with no English only on some days. The views name every phrase, whatever the day.
        var web = Path.Combine(RepositoryRoot.Path, "src", "SumahoSupport.Web");
        var views = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Areas", "Supporter"), "*.cshtml", SearchOption.AllDirectories));
        var localizer = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Core.SharedResource>>();
        using (Languages.Use(Languages.EnglishCode))
        {
            var missing = views.SelectMany(view => NamedPhrase().Matches(File.ReadAllText(view)).Select(m => m.Groups["phrase"].Value))
                .Where(phrase => MissingTranslations.JapaneseLetters().IsMatch(phrase) && localizer[phrase].ResourceNotFound)
                .Distinct(StringComparer.Ordinal).ToList();
            Assert.Empty(missing);
        }
    }

    [GeneratedRegex("L\\[\"(?<phrase>[^\"]+)\"\\]")]
    private static partial Regex NamedPhrase();

    [Fact]
    public async Task AnEmptyFormInEnglish_ExplainsEveryProblemInEnglish()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var client = NewClient();
        await ChooseAsync(client, "en");
        using var refused = await client.SubmitFormAsync($"/Classes/{session}/Book", new Dictionary<string, string> { ["Input.Phone"] = "１２３" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var summary = (await Forms.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Please enter your name.", summary, StringComparison.Ordinal);
        Assert.Contains("Please enter a Japanese phone number", summary, StringComparison.Ordinal);
        Assert.DoesNotMatch(MissingTranslations.JapaneseLetters(), summary);
    }

    [Fact]
    public async Task ABookingMadeInEnglish_IsWrittenToInEnglish_EvenWhenSomeoneElsesJapaneseCancellationPromotesIt()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var japaneseResident = NewClient();
        var (japaneseLink, _) = await BookThroughTheFormAsync(japaneseResident, session, "ja", email: null);
        var englishResident = NewClient();
        var (_, englishCode) = await BookThroughTheFormAsync(englishResident, session, "en", email: "visitor@example.com");

        Assert.Equal(Languages.EnglishCode, await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == englishCode).Select(b => b.Language).SingleAsync()));
        var waitlisted = Assert.Single(await MailsToAsync("visitor@example.com"));
        Assert.StartsWith("[", waitlisted.Title, StringComparison.Ordinal);
        Assert.Contains("You are number 1.", waitlisted.TextBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, await ResidentForms.CancelThroughTheManageLinkAsync(japaneseResident, japaneseLink));

        var promoted = (await MailsToAsync("visitor@example.com")).Last();
        Assert.Contains("Your place from the waiting list is confirmed", promoted.Title, StringComparison.Ordinal);
        Assert.Contains("What to bring:", promoted.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", promoted.HtmlBody, StringComparison.Ordinal);
        // The invitation speaks English too, and its link opens the booking page in English.
        var ics = Regex.Replace(promoted.CalendarIcs!, "\r\n[ \t]", "");
        Assert.Contains("DESCRIPTION:What to bring:", ics, StringComparison.Ordinal);
        Assert.Contains("/Display?lang=en&returnUrl=%2FBookings%2F" + englishCode, ics, StringComparison.Ordinal);
        app.Missing.AssertNone();
    }

    [Fact]
    public void InEnglish_AResidentsLinkOpensTheSiteInEnglish_ButAFeedOrACertificateIsTheAddressItself()
    {
        var links = app.Services.GetRequiredService<SumahoSupport.Core.ISiteLinks>();
        string booking, feed, certificate;
        using (Languages.Use(Languages.EnglishCode))
            (booking, feed, certificate) = (links.Booking("ABC-DEF", "secret"), links.SupporterFeed("feed"), links.Certificate("badge"));

        Assert.Equal("https://sumaho.midori.example.jp/Display?lang=en&returnUrl=%2FBookings%2FABC-DEF%3Ftoken%3Dsecret", booking);
        Assert.Equal("https://sumaho.midori.example.jp/Calendar/Supporters/feed.ics", feed);
        Assert.Equal("https://sumaho.midori.example.jp/Certificates/badge", certificate);
        Assert.Equal("https://sumaho.midori.example.jp/Bookings/ABC-DEF?token=secret", links.Booking("ABC-DEF", "secret"));
    }

    [Fact]
    public async Task AResidentWithoutEmail_WhoBookedInEnglish_IsCalledWithAnEnglishNote()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var (_, code) = await BookThroughTheFormAsync(NewClient(), session, "en", email: null);
        await app.WithScopeAsync(services => services.GetRequiredService<SumahoSupport.Core.Classes.ClassScheduleService>()
            .CancelSessionAsync(session, "台風のため", CancellationToken.None));

        var note = await app.WithDbAsync(db => db.CallTasks.Where(c => c.Booking!.Code == code).Select(c => c.Note).SingleAsync());
        Assert.Equal("Reason for cancellation: 台風のため", note);
        // The coordinator who makes the call sees that it is to be made in English.
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var row = (await coordinator.GetDocumentAsync("/Coordinator/Calls")).QuerySelectorAll("tr[data-call]").Single(r => r.TextContent.Contains(code, StringComparison.Ordinal));
        Assert.Equal("英語で", row.QuerySelector(".badge")!.TextContent);
        Assert.Equal("en", row.QuerySelector(".hint[lang]")!.GetAttribute("lang"));
    }

    private async Task<(string ShowLink, string Code)> BookThroughTheFormAsync(HttpClient client, int session, string language, string? email)
    {
        await ChooseAsync(client, language);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Alex Smith", ["Input.Kana"] = "あれっくす", ["Input.Phone"] = TestData.NextPhone(),
            ["Input.Device"] = nameof(DeviceType.IPhone), ["Consent"] = "true",
        };
        if (email is not null) fields["Input.Email"] = email;
        using var posted = await client.SubmitAndConfirmAsync($"/Classes/{session}/Book", fields);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        return (location, location.Split('?')[0].Split('/').Last());
    }

    private Task<List<SumahoSupport.Core.Notifications.OutboxMessage>> MailsToAsync(string address) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == address).OrderBy(m => m.Id).ToListAsync());
}

/// <summary>A consultation booked in English: the resident hears in English, the supporter who will help in Japanese.</summary>
public sealed class EnglishConsultationTests(TranslationCheckingAppFactory app) : IClassFixture<TranslationCheckingAppFactory>
{
    [Fact]
    public async Task AConsultationBookedInEnglish_IsConfirmedToTheResidentInEnglish_AndToTheSupporterInJapanese()
    {
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 6);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(10, 30));
        await app.AddHelperAsync("英語 助", date.DayOfWeek, 9 * 60, 12 * 60);
        var start = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0)));
        var client = app.CreateBrowserLikeClient();
        using (var chosen = await client.GetAsync("/Display?lang=en&returnUrl=%2F")) Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        using var posted = await client.SubmitAndConfirmAsync(
            $"/Consultations/Book?schedule={schedule.Id}&start={SumahoSupport.Web.Pages.Consultations.ConsultationPlaces.StartKey(start)}&device=Android",
            new Dictionary<string, string>
            {
                ["Topics"] = "line", ["Input.Name"] = "Sam Lee", ["Input.Kana"] = "さむ りー", ["Input.Phone"] = TestData.NextPhone(),
                ["Input.Email"] = "sam@example.com", ["Input.Device"] = nameof(DeviceType.Android), ["Consent"] = "true",
            });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var mails = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind.StartsWith("consultation") || m.Kind.StartsWith("supporter-consultation")).ToListAsync());
        var resident = Assert.Single(mails, m => m.ToAddress == "sam@example.com");
        Assert.Contains("Your smartphone help is booked", resident.Title, StringComparison.Ordinal);
        Assert.Contains("Help with:      LINE", resident.TextBody, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Booking number:", Regex.Replace(resident.CalendarIcs!, "\r\n[ \t]", ""), StringComparison.Ordinal);
        var supporter = Assert.Single(mails, m => m.ToAddress != "sam@example.com");
        Assert.StartsWith("【", supporter.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Booking number", supporter.TextBody, StringComparison.Ordinal);
        app.Missing.AssertNone();
    }
}
