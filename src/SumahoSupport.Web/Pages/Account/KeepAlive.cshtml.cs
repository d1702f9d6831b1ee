using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>
/// 「ログインを続ける」: a request from a signed-in page, so the sliding sign-in cookie is renewed while someone is still
/// typing (WCAG 2.2.1); it changes nothing else.
/// </summary>
[Authorize]
public sealed class KeepAliveModel : PageModel
{
    public IActionResult OnGet() => Content("ok", "text/plain");
}
