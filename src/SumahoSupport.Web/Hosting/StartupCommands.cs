using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// Administrative commands: <c>dotnet run --project src/SumahoSupport.Web -- migrate</c>,
/// <c>-- backup [--to ファイル]</c> and <c>-- create-admin --email someone@city.example [--name 表示名]</c>.
/// </summary>
public static class StartupCommands
{
    public static Func<WebApplication, Task<int>>? Find(string[] args) => args.FirstOrDefault() switch
    {
        "migrate" => app => UnlessDemoDatabaseAsync(app, MigrateAsync),
        "backup" => app => BackUpAsync(app, args),
        "create-admin" => app => UnlessDemoDatabaseAsync(app, app => CreateAdminAsync(app, args)),
        _ => null,
    };

    /// <summary>
    /// Outside Development, a database holding the demo accounts (their passwords are in README) is refused: whoever ran
    /// the demo against the city's database must start from a new one, not make it the city's by migrating it or adding
    /// an administrator to it.
    /// </summary>
    private static async Task<int> UnlessDemoDatabaseAsync(WebApplication app, Func<WebApplication, Task<int>> command)
    {
        if (!app.Environment.IsDevelopment())
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<DemoPasswords>().HoldsDemoAccountsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None))
            {
                await Console.Error.WriteLineAsync(
                    $"このデータベースにはデモ用のアカウント（パスワードは README で公開されています）があります。{app.Environment.EnvironmentName} では使えません。" +
                    "市の運用には新しいデータベースを用意してください（README の「Production」）。");
                return 3;
            }
        }
        return await command(app);
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        Console.WriteLine("データベースを最新の状態にしました。");
        return 0;
    }

    /// <summary>A copy of the SQLite file; a server database is backed up with its own tools (README, "Back up and restore").</summary>
    private static async Task<int> BackUpAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        if (!database.IsSqlite)
        {
            await Console.Error.WriteLineAsync(
                "サーバーのデータベースはそのサーバーの道具でバックアップしてください（PostgreSQL は pg_dump、SQL Server は BACKUP DATABASE。README の「Back up and restore」）。");
            return 2;
        }
        try
        {
            var path = await database.BackUpSqliteAsync(OptionValue(args, "--to"), CancellationToken.None);
            Console.WriteLine($"バックアップを書きました: {path}");
            return 0;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string[] args)
    {
        var email = OptionValue(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("使い方: create-admin --email メールアドレス [--name 表示名]");
            return 2;
        }
        var name = OptionValue(args, "--name") ?? "管理者";
        var password = ReadPasswordFromTerminal();

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().EnsureReadyOnStartAsync(CancellationToken.None);
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccountService>()
            .CreateAsync(email, name, Roles.Admin, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) await Console.Error.WriteLineAsync(error);
            return 1;
        }
        Console.WriteLine($"管理者 {created.Email} を作成しました。");
        if (created.GeneratedPassword is not null)
        {
            Console.WriteLine($"パスワード（この一度だけ表示します）: {created.GeneratedPassword}");
        }
        return 0;
    }

    /// <summary>Asks on a terminal; returns null (generate one) when empty or when input is not a terminal.</summary>
    private static string? ReadPasswordFromTerminal()
    {
        if (Console.IsInputRedirected) return null;
        Console.Write("パスワード（12文字以上・空欄なら自動生成）: ");
        var password = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0) password.Length--;
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.Length == 0 ? null : password.ToString();
    }

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
