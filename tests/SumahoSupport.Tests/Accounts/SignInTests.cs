using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Accounts;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Coordinator_SignsInAndSeesTheComingClasses()
    {
        var client = app.CreateBrowserLikeClient();
        using var signedIn = await client.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var page = await client.GetDocumentAsync("/Coordinator");
        Assert.NotEmpty(page.QuerySelectorAll("table.data-table tbody tr"));
    }

    [Fact]
    public async Task SignIn_ReturnsToTheLocalPageAskedFor_ButNeverToAnotherSite()
    {
        var client = app.CreateBrowserLikeClient();
        using var local = await client.SubmitFormAsync("/Account/Login?ReturnUrl=%2FCoordinator", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.CoordinatorEmail,
            ["Input.Password"] = DemoAccounts.CoordinatorPassword,
        });
        Assert.Equal("/Coordinator", local.Headers.Location!.OriginalString);

        var other = app.CreateBrowserLikeClient();
        using var offsite = await other.SubmitFormAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.CoordinatorEmail,
            ["Input.Password"] = DemoAccounts.CoordinatorPassword,
        });
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Supporter_IsRefusedTheAdminAndCoordinatorAreas()
    {
        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);

        foreach (var url in new[] { "/Admin", "/Coordinator" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var denied = await client.GetAsync("/Account/AccessDenied");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        var myPage = await client.GetDocumentAsync("/Supporter");
        Assert.Contains("佐藤 一郎", myPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_SeesEveryAccountWithItsRole()
    {
        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        var page = await client.GetDocumentAsync("/Admin/Accounts");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(DemoAccounts.CoordinatorEmail, StringComparison.Ordinal) && r.Contains("コーディネーター", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongPassword_ShowsAJapaneseMessageAndStaysOnTheForm()
    {
        var client = app.CreateBrowserLikeClient();
        using var response = await client.SignInAsync(DemoAccounts.AdminEmail, "not-the-password");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyForm_NamesEachMissingField()
    {
        using var response = await app.CreateBrowserLikeClient().SignInAsync("", "");
        var page = await Forms.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("メールアドレスを入力してください。", summary, StringComparison.Ordinal);
        Assert.Contains("パスワードを入力してください。", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveFailures_LockTheAccountEvenForTheRightPassword()
    {
        // An account of its own: a locked demo account would spoil the other tests in this class.
        const string email = "locked@city.example";
        const string password = "Correct-Horse-2026";
        await app.WithScopeAsync(s => s.GetRequiredService<StaffAccountService>().CreateAsync(email, "ロック確認", Roles.Coordinator, password));
        var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.SignInAsync(email, $"wrong-{i}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.StatusCode);
        }

        using var locked = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        var page = await Forms.ParseAsync(locked);
        Assert.Contains("しばらくログインできません", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRejected()
    {
        var client = app.CreateBrowserLikeClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.AdminEmail,
            ["Input.Password"] = DemoAccounts.AdminPassword,
        });
        using var response = await client.PostAsync("/Account/Login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logout_IsAPostThatEndsTheSession()
    {
        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        using var loggedOut = await client.SubmitFormAsync("/Coordinator", new Dictionary<string, string>(), "form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        using var after = await client.GetAsync("/Coordinator");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
