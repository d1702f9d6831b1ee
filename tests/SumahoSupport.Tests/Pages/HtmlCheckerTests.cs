using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Tests.Web;

namespace SumahoSupport.Tests.Pages;

/// <summary>
/// The W3C Nu HTML Checker (vnu.jar, npm <c>vnu-jar</c>, run on the machine's Java; test.sh installs both and sets
/// <c>SUMAHO_VNU_JAR</c>) finds no error on any page of the endpoint list, for every visitor — and on the booking form's
/// problem and 確認 states, which only a POST reaches. The markup does not depend on the database, so it is checked in
/// the SQLite run only.
[Trait("Provider", "SqliteOnly")]
public sealed class HtmlCheckerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Checker => Environment.GetEnvironmentVariable("SUMAHO_VNU_JAR") is { Length: > 0 } jar
        ? jar
        : Path.Combine(RepositoryRoot.Path, ".tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public async Task EveryPage_ForEveryVisitor_HasNoHtmlError()
    {
        Assert.True(File.Exists(Checker), $"vnu.jar is not at {Checker}: run ./test.sh, or npm install --prefix .tools/vnu vnu-jar");
        var folder = Directory.CreateTempSubdirectory("sumaho-vnu");
        try
        {
            var pages = new Dictionary<string, string>(StringComparer.Ordinal);
            var samples = await SitePages.SamplesAsync(app);
            foreach (var visitor in SitePages.Visitors)
            {
                using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
                if (DemoAccounts.Of(visitor) is var (email, password)) await LinkTests.SignInAsync(client, email, password);
                var urls = SitePages.Pages(app.Services)
                    .Select(page => SitePages.Expected[page.Key])
                    .Where(page => SitePages.Opens(visitor, page.Access))
                    .Select(page => page.Url(samples))
                    .Where(url => !url.StartsWith("/Account/Logout", StringComparison.Ordinal));
                foreach (var url in urls)
                {
                    using var response = await client.GetAsync(url);
                    if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                    await SaveAsync(folder, pages, $"{visitor} GET {url}", response);
                }
            }
            var anonymous = app.CreateBrowserLikeClient();
            var book = $"/Classes/{samples.Session}/Book";
            using (var problems = await anonymous.SubmitFormAsync(book, new Dictionary<string, string>()))
                await SaveAsync(folder, pages, $"anonymous POST {book} (empty)", problems);
            using (var check = await anonymous.SubmitFormAsync(book, new Dictionary<string, string>
            {
                ["Input.Name"] = "検査 花子", ["Input.Kana"] = "けんさ はなこ", ["Input.Phone"] = TestData.NextPhone(), ["Input.Device"] = "Android", ["Consent"] = "true",
            }))
            {
                Assert.Equal(HttpStatusCode.OK, check.StatusCode);
                await SaveAsync(folder, pages, $"anonymous POST {book} (確認)", check);
            }

            var errors = await CheckAsync(pages.Keys);
            Assert.True(pages.Count > 100, $"only {pages.Count} pages were checked");
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{pages[e.File]}:{e.Line}: {e.Message}")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task SaveAsync(DirectoryInfo folder, Dictionary<string, string> pages, string what, HttpResponseMessage response)
    {
        var file = Path.Combine(folder.FullName, $"{pages.Count:D4}.html");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        pages[file] = what;
    }

    /// <summary>The checker names a file "file:/tmp/…/0001.html".</summary>
    private static string LocalPath(string url) => "/" + url["file:".Length..].TrimStart('/');

    /// <summary>One checker run over every file (the JVM starts once); its errors, each with its file and line.</summary>
    private static async Task<List<(string File, int Line, string Message)>> CheckAsync(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-jar", Checker, "--errors-only", "--format", "json", "--exit-zero-always" }.Concat(files)) start.ArgumentList.Add(argument);
        using var checker = Process.Start(start)!;
        var output = checker.StandardError.ReadToEndAsync();
        await checker.StandardOutput.ReadToEndAsync();
        await checker.WaitForExitAsync();
        using var report = JsonDocument.Parse(await output);
        return [.. report.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => (
                LocalPath(m.GetProperty("url").GetString()!),
                m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                m.GetProperty("message").GetString()!))];
    }
}
