using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// Every page a city prints — 実績報告, 受講者名簿, 電話連絡リスト, 修了証, 予約票 — laid out as Chromium prints it on A4, in
/// the orientation the page asks for (@page): no element reaches past the page box, so no column is cut off. Each is
/// also printed to PDF under artifacts/screenshots/ for people to look at.
/// </summary>
public sealed class PrintingBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    // A4 less the 15 mm margins of print.css, in CSS pixels (96 per inch).
    private const double PortraitWidth = (210 - 30) / 25.4 * 96;
    private const double LandscapeWidth = (297 - 30) / 25.4 * 96;

    [Fact]
    public async Task EveryPrintablePage_FitsInsideTheA4PageBox()
    {
        var app = browser.App;
        var session = await app.CreateSessionAsync(capacity: 3);
        // A full class with long names and needs, and a phone-only resident promoted from the waiting list (a call to make).
        var seated = new List<BookingResult>();
        foreach (var name in new[] { "長谷川 佐和子", "ウィリアムズ・エリザベス 花子", "勅使河原 三郎" })
        {
            seated.Add(await app.BookAsync(session, TestData.Resident() with
            {
                Name = name, Needs = "車いすで参加します。目が見えにくいので大きな字の資料をお願いします。補聴器を使っています。",
            }));
        }
        await app.BookAsync(session, TestData.Resident());
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(((BookingResult.Booked)seated[0]).Code, "入院のため", default));
        var slip = (BookingResult.Booked)seated[1];
        var certificate = await app.WithDbAsync(db => db.Certifications.OrderBy(c => c.Id).Select(c => c.PublicId).FirstAsync());

        var page = await browser.NewPageAsync(1280, 900);
        await page.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword, "/Coordinator");
        foreach (var (url, name, landscape, oneSheet) in new[]
        {
            ("/Coordinator/Report", "print-report", true, false),
            ($"/Coordinator/Classes/{session}/Roster", "print-roster", true, false),
            ("/Coordinator/Calls", "print-call-list", true, false),
            ($"/Certificates/{certificate}", "print-certificate", false, true),
            ($"/Bookings/{slip.Code}?token={slip.Token}", "print-slip", false, true),
        })
        {
            await page.SetViewportSizeAsync((int)(landscape ? LandscapeWidth : PortraitWidth), 900);
            await page.GotoAsync(url);
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            Assert.Equal(landscape ? "landscape" : "portrait", await page.EvaluateAsync<string>(PageOrientation));
            var overflow = await page.EvaluateAsync<string>(WidestOverflow);
            Assert.True(overflow == "", $"{url} reaches past the A4 page box: {overflow}");
            var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, Path = Path.Combine(Screenshots.Directory, name + ".pdf") });
            // A certificate or a slip is one sheet of paper, or it is not one.
            var sheets = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
            if (oneSheet) Assert.True(sheets == 1, $"{url} prints on {sheets} sheets");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        }
    }

    /// <summary>The orientation the page's @page rules give the document (A4 portrait unless a named page says landscape).</summary>
    private const string PageOrientation = """
        () => {
          const named = getComputedStyle(document.body).page;
          for (const sheet of document.styleSheets) {
            for (const rule of sheet.cssRules) {
              const media = rule.media ? [...rule.cssRules] : [rule];
              for (const r of media) {
                if (r.type === CSSRule.PAGE_RULE && r.selectorText === named && /landscape/.test(r.style.size)) return 'landscape';
              }
            }
          }
          return 'portrait';
        }
        """;

    /// <summary>The visible element whose right edge lies furthest past the page box, or "" when none does.</summary>
    private const string WidestOverflow = """
        () => {
          const width = document.documentElement.clientWidth;
          let worst = null;
          for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) continue;
            if (box.right > width + 1 && (!worst || box.right > worst.right))
              worst = { tag: el.tagName.toLowerCase(), cls: String(el.className), text: el.textContent.trim().slice(0, 30), right: Math.round(box.right), width };
          }
          if (document.documentElement.scrollWidth > width + 1 && !worst) worst = { scrollWidth: document.documentElement.scrollWidth, width };
          return worst ? JSON.stringify(worst) : '';
        }
        """;
}
