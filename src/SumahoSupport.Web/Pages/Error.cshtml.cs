using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

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

    public void OnGet()
    {
        // From the address alone, not by model binding: re-executed for a refused form, the request still carries that
        // form, which may be too large to read (binding would then fail and show 500) or have a field called "code".
        var code = RouteData.Values["code"] is string text && int.TryParse(text, out var number) ? number : (int?)null;
        Status = code is >= 400 and <= 599 ? code.Value : code is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status404NotFound;
        // Shown for a failed request, the status is already this one. Opened by its own address (/Error/404), the page
        // still answers with the status it shows, so no monitor or link checker takes it for a page that exists.
        Response.StatusCode = Status;
    }

    // Re-executed error pages keep the original method; a failed POST must render the same page.
    public void OnPost()
    {
        OnGet();
        // A refused form (400) and a form the database could not save (503) both lead back to where it was typed.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not { } original || Status is not (StatusCodes.Status400BadRequest or StatusCodes.Status503ServiceUnavailable)) return;
        // The form's page, without the handler its button posted to (?handler=Attendance): opening that address shows the page.
        var query = QueryHelpers.ParseQuery(original.OriginalQueryString);
        query.Remove("handler");
        var address = $"{original.OriginalPathBase}{original.OriginalPath}{QueryString.Create(query)}";
        // The path is the caller's; "//elsewhere" would be a link off the site.
        if (Url.IsLocalUrl(address)) FormAddress = address;
    }

    /// <summary>
    /// Re-executed for a form posted to a named handler, the query still names it (?handler=Link), and this page has
    /// none of those: its own handler for the method answers instead of none at all.
    /// </summary>
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context) =>
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods.First(h =>
            h.Name is null && h.HttpMethod == (HttpMethods.IsPost(context.HttpContext.Request.Method) ? "POST" : "GET"));
}
