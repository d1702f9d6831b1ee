using System.Diagnostics;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Hosting;

namespace SumahoSupport.Tests.Hosting;

/// <summary>
/// The app as <c>dotnet run</c> starts it (the launch profile sets only <c>SUMAHO_DEFAULT_ENVIRONMENT</c>), run as a
/// process of its own: what the person set wins, and the first lines say which environment, database and address.
/// </summary>
public sealed class FirstStartTests(EmptyProductionAppFactory app) : IClassFixture<EmptyProductionAppFactory>
{
    [Fact]
    public async Task AnExportedProduction_WinsOverTheLaunchProfilesDevelopment_AndSeedsNoDemo()
    {
        _ = app.Server;
        var port = WebCommand.FreePort();
        var output = await StartAndReadAsync(new Dictionary<string, string> { [FirstStart.DefaultEnvironmentVariable] = "Development" },
            "--urls", $"http://127.0.0.1:{port}");
        Assert.Contains("Environment Production", output, StringComparison.Ordinal);
        Assert.Contains($"Listening on http://127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users)));
    }

    [Fact]
    public async Task WithoutAnEnvironment_TheLaunchProfileMeansDevelopment_OnTheAddressTheOwnerSet()
    {
        var port = WebCommand.FreePort();
        var output = await StartAndReadAsync(new Dictionary<string, string>
        {
            [FirstStart.DefaultEnvironmentVariable] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            // Its own SQLite file: Development seeds the demo into it.
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"sumaho-first-{Guid.NewGuid():N}.db")}",
            ["Seed__Demo"] = "true",
        });
        Assert.Contains("Environment Development", output, StringComparison.Ordinal);
        Assert.Contains($"Listening on http://127.0.0.1:{port}", output, StringComparison.Ordinal);
    }

    /// <summary>Starts the app, reads what it prints until it listens (or exits), then stops it.</summary>
    private async Task<string> StartAndReadAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var start = WebCommand.StartInfo(app.ConnectionString, settings, args);
        foreach (var (key, value) in settings.Where(s => s.Value.Length == 0)) start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object _, DataReceivedEventArgs e)
        {
            lock (output) output.AppendLine(e.Data);
            if (e.Data?.Contains("Listening on", StringComparison.Ordinal) == true) listening.TrySetResult();
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        try
        {
            await Task.WhenAny(listening.Task, process.WaitForExitAsync(TestContext.Current.CancellationToken), Task.Delay(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        lock (output) return output.ToString();
    }
}
