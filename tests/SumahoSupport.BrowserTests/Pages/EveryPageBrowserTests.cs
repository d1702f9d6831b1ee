using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Hosting;
using static SumahoSupport.Tests.Infrastructure.SitePages;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// Every page of the app — read from its endpoints (<see cref="SitePages"/>), not a hand list — for every kind of visitor
/// who may open it, in 日本語 and English, at 標準 and 特大, 1280 and 375 px wide: the status it should have, no axe-core
/// WCAG 2.2 A/AA violation, and at 320 px (特大, both languages) nothing wider than the screen. Pages are visited with
/// data: a class with bookings, a dashboard with answers, a consultation, a supporter with a certificate.
/// <para>
/// A look (language × size × width) with axe takes over a second on these two cores, too long for all eight looks for
/// every visitor of every page. So the looks are the four of a pairwise covering array (every pair of a language, a size
/// and a width meets in one of them), shared out among the visitors who may open the page so that each page is seen in
/// all four and each visitor sees it in at least one. The 320 px check is made once per page, and on the home page for
/// every visitor (the menu is the part of a page that changes with who reads it). Residents' and staff pages run as two
/// classes, in parallel.
/// </para>
/// </summary>
public abstract class EveryPageMatrix(BrowserApp browser)
{
    private sealed record Look(string Language, TextSize Size, int Width)
    {
        public override string ToString() => $"{Language}/{Size}/{Width}px";
    }

    /// <summary>A pairwise covering array of language × size × width.</summary>
    private static readonly Look[] Looks =
    [
        new("ja", TextSize.Standard, 1280), new("ja", TextSize.ExtraLarge, 375), new("en", TextSize.Standard, 375), new("en", TextSize.ExtraLarge, 1280),
    ];

    /// <summary>axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA.</summary>
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    protected async Task AssertEveryPageAsync(params string[] visitors)
    {
        await AnsweredClassAsync();
        var samples = await SamplesAsync(browser.App);
        var problems = new List<string>();
        var views = 0;

        foreach (var visitor in visitors)
        {
            var page = await browser.NewPageAsync(1280, 900);
            var context = page.Context;
            // Each account lands on its own area: /Supporter, /Coordinator, /Admin.
            if (DemoAccounts.Of(visitor) is var (email, password)) await page.SignInAsync(email, password, "/" + char.ToUpperInvariant(visitor[0]) + visitor[1..]);

            foreach (var (key, _) in SitePages.Pages(browser.App.Services))
            {
                var (access, address) = Expected[key];
                if (!Opens(visitor, access) || key is "/Display" or "/Account/Logout") continue;
                var url = address(samples);
                // Calendar files and downloads are not pages to look at; they answer, and that is all here.
                var probe = await context.APIRequest.GetAsync(url);
                if (!(probe.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    if (!probe.Ok) problems.Add($"{visitor} {url}: {probe.Status}");
                    continue;
                }

                var openers = Visitors.Where(v => Opens(v, access)).ToList();
                var index = openers.IndexOf(visitor);
                var share = (Looks.Length + openers.Count - 1) / openers.Count;
                foreach (var look in Enumerable.Range(index * share, share).Select(i => Looks[i % Looks.Length]))
                {
                    views++;
                    await ChooseAsync(context, look.Language, look.Size);
                    await page.SetViewportSizeAsync(look.Width, 900);
                    var response = await page.GotoAsync(url);
                    var expected = key switch { "/Account/AccessDenied" => 403, "/Error" => 404, _ => 200 };
                    if (response?.Status != expected) problems.Add($"{visitor} {look} {url}: status {response?.Status}, not {expected}");
                    if (await page.EvaluateAsync<string>("document.documentElement.lang") != look.Language)
                        problems.Add($"{visitor} {look} {url}: <html lang> is not {look.Language}");
                    var axe = await page.RunAxe(Wcag22AA);
                    problems.AddRange(axe.Violations.SelectMany(v => v.Nodes.Select(n => $"{visitor} {look} {url}: {v.Id} — {string.Join(" ", n.Target)}")));
                    if (look.Language == "ja")
                        await Screenshots.SaveAsync(page, $"every-{key.Replace('/', '-').Trim('-')}-{look.Width}");
                }

                if (index > 0 && key != "/Index") continue;
                await page.SetViewportSizeAsync(320, 900);
                foreach (var language in new[] { "ja", "en" })
                {
                    await ChooseAsync(context, language, TextSize.ExtraLarge);
                    await page.GotoAsync(url);
                    var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    if (overflow > 0) problems.Add($"{visitor} {language}/xlarge/320px {url}: {overflow}px wider than the screen");
                }
            }
            await context.CloseAsync();
        }

        Assert.True(views > 40, $"only {views} page views with axe");
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in {views} page views:\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>The reader's choices, as the header's links would have left them (the app's own cookie names and values).</summary>
    private Task ChooseAsync(IBrowserContext context, string language, TextSize size) => context.ChooseAsync(browser.BaseAddress, language, size);

    /// <summary>A class that took place, with three residents' answers, so the dashboard and its drill-downs show figures.</summary>
    private async Task AnsweredClassAsync()
    {
        var app = browser.App;
        var session = await app.CreateSessionAsync(capacity: 6, startsIn: TimeSpan.FromHours(30));
        var tokens = new List<string>();
        foreach (var email in new[] { "a@example.jp", "b@example.jp", null })
        {
            var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: email)));
            tokens.Add(await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.SurveyToken!).SingleAsync()));
        }
        app.Clock.Advance(TimeSpan.FromHours(33));
        foreach (var (token, understood) in tokens.Zip([Understanding.WellUnderstood, Understanding.MostlyUnderstood, Understanding.NotReallyUnderstood]))
        {
            await app.WithScopeAsync(services => services.GetRequiredService<SurveyService>().SubmitAsync(
                token, SurveyAnswers.None with { Understanding = understood, Satisfaction = 4, HasSomeoneToAsk = true }, SurveyChannel.Web, default));
        }
    }
}

/// <summary>The pages a stranger, a resident with their links and a supporter may open.</summary>
public sealed class EveryResidentPageBrowserTests(BrowserApp browser) : EveryPageMatrix(browser), IClassFixture<BrowserApp>
{
    [Fact]
    public Task EveryPage_ForStrangersResidentsAndSupporters_InBothLanguagesSizesAndWidths_PassesAxe_AndFitsThreeHundredTwentyPixels() =>
        AssertEveryPageAsync("anonymous", "resident", "supporter");
}

/// <summary>The pages a coordinator and an administrator may open (the public ones too, with the staff menu).</summary>
public sealed class EveryStaffPageBrowserTests(BrowserApp browser) : EveryPageMatrix(browser), IClassFixture<BrowserApp>
{
    [Fact]
    public Task EveryPage_ForCoordinatorsAndAdministrators_InBothLanguagesSizesAndWidths_PassesAxe_AndFitsThreeHundredTwentyPixels() =>
        AssertEveryPageAsync("coordinator", "admin");
}
