using Microsoft.Playwright;

namespace SumahoSupport.BrowserTests.Infrastructure;

public static class Submissions
{
    /// <summary>
    /// Submits a form by <paramref name="submit"/> (a click, or Enter on a focused field) and expects the server to
    /// redirect to <paramref name="urlGlob"/>. When it answers with the form again, the failure names the status and
    /// the messages on the page instead of a bare navigation timeout.
    /// </summary>
    public static async Task SubmitAndExpectRedirectAsync(this IPage page, Func<Task> submit, string urlGlob)
    {
        var response = await page.RunAndWaitForResponseAsync(submit, r => r.Request.Method == "POST");
        if (response.Status is not (302 or 303))
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            var messages = await page.Locator(".error-summary, .field-error, .status-message, h1").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException(
                $"POST {response.Url} answered {response.Status}, not a redirect to {urlGlob}: {string.Join(" / ", messages)}");
        }
        await page.WaitForURLAsync(urlGlob);
    }
}
