using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SumahoSupport.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    /// <summary>
    /// For a refused form (most often a form kept open across a browser restart, whose antiforgery cookie is gone): the
    /// page the form was on, so the reader can open it again with one press instead of finding it from the menu.
    /// </summary>
    public string? FormAddress { get; private set; }

    public void OnGet(int? code) => Status = code ?? StatusCodes.Status500InternalServerError;

    // Re-executed error pages keep the original method; a failed POST must render the same page.
    public void OnPost(int? code)
    {
        OnGet(code);
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not { } original || Status != StatusCodes.Status400BadRequest) return;
        var address = $"{original.OriginalPathBase}{original.OriginalPath}{original.OriginalQueryString}";
        // The path is the caller's; "//elsewhere" would be a link off the site.
        if (Url.IsLocalUrl(address)) FormAddress = address;
    }
}
