using Microsoft.Playwright;

namespace SumahoSupport.BrowserTests.Infrastructure;

public static class Keyboard
{
    /// <summary>
    /// Presses Tab until the focused element matches <paramref name="selector"/>, as a keyboard user would; with
    /// <paramref name="shiftToo"/>, looks back with Shift+Tab as well (for a field above the one that has the focus), and
    /// stays where it is when the focus is already there.
    /// </summary>
    public static async Task TabToAsync(this IPage page, string selector, int maxTabs = 80, bool shiftToo = false)
    {
        if (shiftToo && await IsFocusedAsync(page, selector)) return;
        foreach (var key in shiftToo ? new[] { "Tab", "Shift+Tab" } : ["Tab"])
        {
            for (var i = 0; i < maxTabs; i++)
            {
                await page.Keyboard.PressAsync(key);
                if (await IsFocusedAsync(page, selector)) return;
            }
        }
        throw new InvalidOperationException($"'{selector}' was not reached with {maxTabs} presses of Tab on {page.Url}");
    }

    /// <summary>
    /// Chooses <paramref name="value"/> in the radio group <paramref name="name"/>: Tab into the group (one stop for the
    /// whole group), then the arrow keys, which move and choose at once.
    /// </summary>
    public static async Task ChooseRadioAsync(this IPage page, string name, string value, bool shiftToo = false)
    {
        await page.TabToAsync($"input[type=radio][name='{name}']", shiftToo: shiftToo);
        var wanted = $"input[type=radio][name='{name}'][value='{value}']";
        for (var i = 0; i < 12 && !await IsFocusedAsync(page, wanted); i++) await page.Keyboard.PressAsync("ArrowDown");
        if (!await IsFocusedAsync(page, wanted)) throw new InvalidOperationException($"the arrow keys did not reach {wanted} on {page.Url}");
        await page.Keyboard.PressAsync("Space");
    }

    private static Task<bool> IsFocusedAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector);
}
