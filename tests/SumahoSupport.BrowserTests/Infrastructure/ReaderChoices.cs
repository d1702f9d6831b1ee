using Microsoft.Playwright;
using SumahoSupport.Web.Hosting;

namespace SumahoSupport.BrowserTests.Infrastructure;

/// <summary>The reader's language and text size, as the header's links would have left them (the app's own cookies).</summary>
public static class ReaderChoices
{
    public static Task ChooseAsync(this IBrowserContext context, Uri site, string language, TextSize size) => context.AddCookiesAsync(
    [
        new Cookie { Name = LanguageChoice.CookieName, Value = LanguageChoice.CookieValue(language), Url = site.ToString() },
        new Cookie { Name = DisplaySettings.CookieName, Value = new DisplaySettings(size, Inverted: false).Key, Url = site.ToString() },
    ]);
}
