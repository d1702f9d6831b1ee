using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SumahoSupport.BrowserTests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe-core on the page and fails with every violation named, its rule and where it is.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Passes.Length > 10, $"axe-core evaluated almost nothing on {page.Url}; is the page empty?");
        var problems = result.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" ", n.Target)}"))
            .ToList();
        Assert.True(problems.Count == 0, $"axe-core found {problems.Count} problem(s) on {page.Url}:\n" + string.Join("\n", problems));
    }
}
