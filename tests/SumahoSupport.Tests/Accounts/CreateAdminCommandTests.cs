using System.Net;
using System.Text.RegularExpressions;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Accounts;

/// <summary>Runs the real <c>create-admin</c> command as its own process, then signs in with what it printed.</summary>
public sealed partial class CreateAdminCommandTests(Hosting.EmptyProductionAppFactory app) : IClassFixture<Hosting.EmptyProductionAppFactory>
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
        // In production the new administrator's next step is the authenticator (ProductionStartTests goes on from there).
        using var admin = await client.GetAsync("/Admin");
        Assert.StartsWith("/Account/TwoFactor", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_ForAnExistingEmail_FailsWithAMessage()
    {
        _ = app.Server;
        await app.WithScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Accounts.StaffAccountService>(s)
            .CreateAsync("first@city.example", "最初の管理者", Core.Data.Roles.Admin, null));
        var (exitCode, output) = await RunWebCommandAsync("create-admin", "--email", "first@city.example");
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

/// <summary>
/// A database the demo ran on holds accounts whose passwords are in README: outside Development, neither <c>migrate</c>
/// nor <c>create-admin</c> makes it a city's.
/// </summary>
public sealed class DemoDatabaseCommandTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("migrate")]
    [InlineData("create-admin", "--email", "chief@city.example")]
    public async Task ACommandInProduction_RefusesADemoSeededDatabase(params string[] args)
    {
        _ = app.Server; // migrated and demo-seeded, as a Development run leaves it
        var (exitCode, output) = await WebCommand.RunAsync(app.ConnectionString, args);
        Assert.Equal(3, exitCode);
        Assert.Contains("デモ用のアカウント", output, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == "chief@city.example")));
    }
}
