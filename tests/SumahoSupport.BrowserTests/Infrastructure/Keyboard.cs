using Microsoft.Playwright;

namespace SumahoSupport.BrowserTests.Infrastructure;

public static class Keyboard
{
    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>, as a keyboard user would.</summary>
    public static async Task TabToAsync(this IPage page, string selector, int maxTabs = 80)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
        }
        throw new InvalidOperationException($"'{selector}' was not reached with {maxTabs} presses of Tab on {page.Url}");
    }
}
