using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Pages.Account;

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
        Assert.Equal("/Coordinator", offsite.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword, "/Admin")]
    [InlineData(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword, "/Coordinator")]
    [InlineData(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword, "/Supporter")]
    public async Task SignIn_WithoutAPageAskedFor_LandsEachRoleInItsOwnArea(string email, string password, string area)
    {
        var client = app.CreateBrowserLikeClient();
        using var signedIn = await client.SignInAsync(email, password);
        Assert.Equal(area, signedIn.Headers.Location!.OriginalString);
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
    public async Task FiveFailures_LockTheAccountForThatClientOnly_WithTheAnswerAnUnknownAddressGets()
    {
        // An account of its own: a locked demo account would spoil the other tests in this class.
        var email = $"{Guid.NewGuid():N}@city.example.jp";
        const string password = "Correct-Horse-2026";
        await app.WithScopeAsync(s => s.GetRequiredService<StaffAccountService>().CreateAsync(email, "ロック確認", Roles.Coordinator, password));
        var stranger = app.CreateBrowserLikeClient(peer: "198.51.100.7");
        for (var i = 0; i < 5; i++)
        {
            using var failed = await stranger.SignInAsync(email, $"wrong-{i}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.StatusCode);
        }

        // Locked for the stranger, even with the right password, in the words an address without an account gets.
        var locked = await ErrorOfAsync(await stranger.SignInAsync(email, password));
        Assert.Equal(LoginModel.NotSignedIn, locked);
        Assert.Equal(locked, await ErrorOfAsync(await stranger.SignInAsync($"{Guid.NewGuid():N}@city.example.jp", password)));
        // Not for the coordinator at the city's office.
        using (var office = await app.CreateBrowserLikeClient(peer: "203.0.113.20").SignInAsync(email, password))
            Assert.Equal(HttpStatusCode.Redirect, office.StatusCode);

        // The administrator sees the lock, until when and from where, and the audit trail has it.
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var admin = app.CreateBrowserLikeClient();
        using (await admin.SignInAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword)) { }
        var row = (await admin.GetDocumentAsync("/Admin/Accounts")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("ロック中", row.TextContent, StringComparison.Ordinal);
        var show = await admin.GetDocumentAsync($"/Admin/Accounts/{id}");
        Assert.Contains("198.51.100.7", show.QuerySelector("#locks")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("198.51.100.7", show.QuerySelector("#recent-locks")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.locked" && e.SubjectId == id)));

        using (var unlocked = await admin.SubmitFormAsync($"/Admin/Accounts/{id}", new Dictionary<string, string>(), "form[action*='handler=Unlock']"))
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        using (var again = await stranger.SignInAsync(email, password)) Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task ALock_EndsAfterAQuarterHour()
    {
        var email = $"{Guid.NewGuid():N}@city.example.jp";
        const string password = "Correct-Horse-2026";
        await app.WithScopeAsync(s => s.GetRequiredService<StaffAccountService>().CreateAsync(email, "ロック確認", Roles.Coordinator, password));
        var client = app.CreateBrowserLikeClient(peer: "2001:db8:5:6::10");
        for (var i = 0; i < 5; i++) using (await client.SignInAsync(email, $"wrong-{i}")) { }
        // Another address of the same IPv6 /64 is the same client.
        using (var sameHome = await app.CreateBrowserLikeClient(peer: "2001:db8:5:6:aaaa::1").SignInAsync(email, password))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, sameHome.StatusCode);
        app.Clock.Advance(SignInThrottle.Window);
        using var later = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return (await Forms.ParseAsync(response)).QuerySelector(".error-summary li")!.TextContent.Trim();
        }
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
