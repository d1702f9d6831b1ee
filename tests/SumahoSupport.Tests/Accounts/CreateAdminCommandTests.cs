using System.Net;
using System.Text.RegularExpressions;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Accounts;

/// <summary>Runs the real <c>create-admin</c> command as its own process, then signs in with what it printed.</summary>
public sealed partial class CreateAdminCommandTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex("パスワード（この一度だけ表示します）: (?<password>\\S+)")]
    private static partial Regex PrintedPassword();

    [Fact]
    public async Task CreateAdmin_WithoutATerminal_GeneratesAPasswordThatSignsIn()
    {
        _ = app.Server; // the database exists and is migrated; the command must work on it as it is.
        var (exitCode, output) = await RunWebCommandAsync("create-admin", "--email", "chief@city.example", "--name", "情報政策課");
        Assert.Equal(0, exitCode);
        var password = PrintedPassword().Match(output).Groups["password"].Value;
        Assert.True(password.Length >= 20, output);

        var client = app.CreateBrowserLikeClient();
        using var signedIn = await client.SignInAsync("chief@city.example", password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var admin = await client.GetAsync("/Admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_ForAnExistingEmail_FailsWithAMessage()
    {
        _ = app.Server;
        var (exitCode, output) = await RunWebCommandAsync("create-admin", "--email", DemoAccounts.AdminEmail);
        Assert.Equal(1, exitCode);
        Assert.Contains("既に登録されています", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_WithoutEmail_ShowsUsage()
    {
        var (exitCode, output) = await RunWebCommandAsync("create-admin");
        Assert.Equal(2, exitCode);
        Assert.Contains("使い方", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> RunWebCommandAsync(params string[] args) => WebCommand.RunAsync(app.ConnectionString, args);
}
