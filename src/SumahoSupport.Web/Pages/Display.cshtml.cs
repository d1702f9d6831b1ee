using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Hosting;

namespace SumahoSupport.Web.Pages;

/// <summary>
/// The 文字サイズ, 白黒反転 and 日本語 / English links in every page's header: remembers the choice and goes back to the
/// page the reader was on (only a page of this site; anything else goes to the home page).
/// </summary>
[AllowAnonymous]
public sealed class DisplayModel : PageModel
{
    public IActionResult OnGet(string? size, string? contrast, string? lang, string? returnUrl)
    {
        if (Languages.IsKnown(lang)) LanguageChoice.WriteTo(Response, lang!, Request.IsHttps);
        var current = DisplaySettings.From(Request);
        var chosen = new DisplaySettings(
            DisplaySettings.SizeNamed(size) ?? current.Size,
            contrast switch { "inverted" => true, "standard" => false, _ => current.Inverted });
        chosen.WriteTo(Response, Request.IsHttps);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
