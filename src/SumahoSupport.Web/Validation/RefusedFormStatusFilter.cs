using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SumahoSupport.Web.Validation;

/// <summary>
/// A form sent back with its mistakes explained is a refusal, not a success: the page is answered with
/// 422 (Unprocessable Content), so nothing — a script, a monitor, a test — mistakes it for a saved form.
/// The page itself, with its Japanese messages next to each field, is unchanged.
/// </summary>
public sealed class RefusedFormStatusFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        // An error page re-executed for a refused POST keeps the status it was called for (400, 404…).
        if (HttpMethods.IsPost(context.HttpContext.Request.Method)
            && context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null
            && !executed.ModelState.IsValid
            && executed.Result is PageResult { StatusCode: null } page)
        {
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
    }
}
