using Microsoft.Playwright;

namespace SumahoSupport.BrowserTests.Infrastructure;

public static class Submissions
{
    /// <summary>Signs in through the login form, by label and the Enter key, and lands on <paramref name="area"/> ("/Coordinator").</summary>
    public static async Task SignInAsync(this IPage page, string email, string password, string area)
    {
        await page.GotoAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(area)}");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.SubmitAndExpectRedirectAsync(() => page.GetByLabel("パスワード").PressAsync("Enter"), "**" + area);
    }

    /// <summary>
    /// Runs <paramref name="action"/> (Enter on a link, a filter sent with GET) and waits until the page it opens at
    /// <paramref name="urlGlob"/> has loaded. Never <c>WaitForURLAsync</c> after the action: it reads the address and
    /// only then listens, so a navigation that lands in between is lost and the test times out on a page that did open
    /// (microsoft/playwright-dotnet#3364; it failed a CI run so). Here the listening starts before the action.
    /// </summary>
    public static Task FollowAsync(this IPage page, Func<Task> action, string urlGlob) =>
        RunAndWaitForNavigationAsync(page, action, urlGlob);

    /// <summary>
    /// Submits a form by <paramref name="submit"/> (a click, or Enter on a focused field) and expects the server to
    /// redirect to <paramref name="urlGlob"/> — which may be the page the form is on — and that page to load. When the
    /// server answers with the form again, the failure names the status and the messages on the page instead of a
    /// bare navigation timeout.
    /// </summary>
    public static async Task SubmitAndExpectRedirectAsync(this IPage page, Func<Task> submit, string urlGlob)
    {
        IResponse? posted = null;
        void Remember(object? sender, IResponse response)
        {
            if (response.Request.Method == "POST") posted ??= response;
        }
        page.Response += Remember;
        try
        {
            await RunAndWaitForNavigationAsync(page, submit, urlGlob);
        }
        catch (TimeoutException) when (posted is not null)
        {
            // Fall through to the report below: the server answered, just not with the redirect.
        }
        finally
        {
            page.Response -= Remember;
        }
        if (posted is null) throw new Xunit.Sdk.XunitException($"Submitting on {page.Url} sent no form to the server.");
        if (posted.Status is not (302 or 303))
        {
            var messages = await page.Locator(".error-summary, .field-error, .status-message, h1").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException(
                $"POST {posted.Url} answered {posted.Status}, not a redirect to {urlGlob}: {string.Join(" / ", messages)}");
        }
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Submits a booking form's 入力 step by <paramref name="submit"/> and expects its 確認 step: the details shown back
    /// with 「この内容で予約する」. When the form comes back with problems instead, the failure names them.
    /// </summary>
    public static async Task SubmitAndExpectCheckStepAsync(this IPage page, Func<Task> submit)
    {
        await RunAndWaitForNavigationAsync(page, submit, "**handler=Check*");
        if (await page.Locator("main button[formaction*='handler=Confirm']").CountAsync() == 0)
        {
            var messages = await page.Locator(".error-summary, .field-error, h1").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"{page.Url} did not show the check step: {string.Join(" / ", messages)}");
        }
    }

    // Obsolete in favour of WaitForURL, which returns at once when a form redirects to its own page and can miss a
    // navigation (above); this waits for the navigation the action starts, listening before it runs.
    private static Task RunAndWaitForNavigationAsync(IPage page, Func<Task> action, string urlGlob)
    {
#pragma warning disable CS0612
        return page.RunAndWaitForNavigationAsync(action, new PageRunAndWaitForNavigationOptions { UrlString = urlGlob, Timeout = 20_000 });
#pragma warning restore CS0612
    }
}
