using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Web.Hosting;

namespace SumahoSupport.Web.Pages;

/// <summary>
/// The 文字サイズ and 白黒反転 links in every page's header: remembers the choice and goes back to the page the reader was
/// on (only a page of this site; anything else goes to the home page).
/// </summary>
[AllowAnonymous]
public sealed class DisplayModel : PageModel
{
    public IActionResult OnGet(string? size, string? contrast, string? returnUrl)
    {
        var current = DisplaySettings.From(Request);
        var chosen = new DisplaySettings(
            DisplaySettings.SizeNamed(size) ?? current.Size,
            contrast switch { "inverted" => true, "standard" => false, _ => current.Inverted });
        chosen.WriteTo(Response, Request.IsHttps);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
