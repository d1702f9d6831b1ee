using Microsoft.AspNetCore.Localization;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// 日本語 / English, chosen with the header's links (through <c>/Display</c>, like the text size) and remembered in a
/// cookie that request localization reads. The cookie holds only the language.
/// </summary>
public static class LanguageChoice
{
    public const string CookieName = "sumaho.lang";

    /// <summary>The cookie's value for <paramref name="code"/>, as request localization reads it.</summary>
    public static string CookieValue(string code) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Languages.Named(code)));

    public static void WriteTo(HttpResponse response, string code, bool secure) => response.Cookies.Append(
        CookieName,
        CookieValue(code),
        new CookieOptions { MaxAge = TimeSpan.FromDays(400), HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/" });

    /// <summary>
    /// Opens a page of the site in <paramref name="code"/>'s language and remembers it: the links in an English mail go
    /// through here, so a resident who booked in English meets English whichever device opens the link.
    /// </summary>
    public static string Link(string siteRelativeAddress, string code) =>
        $"/Display?lang={code}&returnUrl={Uri.EscapeDataString(siteRelativeAddress)}";
}
