using Microsoft.Playwright;

namespace SumahoSupport.BrowserTests.Infrastructure;

/// <summary>Full-page screenshots under artifacts/screenshots/ at the repository root, for people to look at.</summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SumahoSupport.sln"))) return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
