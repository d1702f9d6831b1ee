using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Pages.Account;

namespace SumahoSupport.Tests.Accounts;

/// <summary>Staff must sign in in two steps, as they do outside Development.</summary>
public sealed class TwoStepAppFactory : AppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireTwoFactorForStaff", "true");
    }
}

/// <summary>
/// A city adds its staff in the app: an administrator invites by e-mail, the invitee chooses a password from the mailed
/// link, sets up an authenticator (codes computed here from RFC 6238) and keeps ten recovery codes; every sign-in after
/// that asks for a code.
/// </summary>
public sealed partial class StaffAccountTests(TwoStepAppFactory app) : IClassFixture<TwoStepAppFactory>
{
    [Fact]
    public async Task AnInvitedCoordinator_SetsAPassword_SetsUpTheAuthenticator_AndSignsInWithACodeOrARecoveryCode()
    {
        var email = $"{Guid.NewGuid():N}@city.example.jp";
        var admin = await AdminAsync();
        using (var invited = await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string>
               {
                   ["Invite.Email"] = email, ["Invite.DisplayName"] = "鈴木 一郎（情報政策課）", ["Invite.Role"] = Roles.Coordinator,
               }, "form#invite"))
        {
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }
        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == email && m.Kind == "staff-invited"));
        Assert.Contains("コーディネーター", mail.Title, StringComparison.Ordinal);
        var link = new Uri(SetPasswordLink().Match(mail.TextBody).Value).PathAndQuery;

        var person = app.CreateBrowserLikeClient();
        const string password = "Midori-Staff-2027";
        using (var set = await person.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = password, ["Input.Confirm"] = password }))
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        using (var signedIn = await person.SignInAsync(email, password)) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The password alone does not open the coordinator's pages: the authenticator must be set up first.
        using (var blocked = await person.GetAsync("/Coordinator"))
        {
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.StartsWith("/Account/TwoFactor", blocked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using (var wrong = await person.SubmitFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Input.Code"] = "000000" }))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.NotNull((await person.GetDocumentAsync("/Account/TwoFactor")).QuerySelector("img[src^='data:image/png']"));
        var (key, recoveryCodes) = await TwoStep.SetUpAsync(person, app.Clock);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        using (var open = await person.GetAsync("/Coordinator")) Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        // Next time: password, then the authenticator's code; the password alone opens nothing.
        var halfway = app.CreateBrowserLikeClient();
        using (await halfway.SignInAsync(email, password))
        {
        }
        using (var notYet = await halfway.GetAsync("/Coordinator")) Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        var next = app.CreateBrowserLikeClient();
        await TwoStep.SignInAsync(next, email, password, key, app.Clock);
        using (var open = await next.GetAsync("/Coordinator")) Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        // A lost phone: a recovery code works once.
        Assert.Equal(HttpStatusCode.OK, await SignInWithRecoveryCodeAsync(email, password, recoveryCodes[3]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await SignInWithRecoveryCodeAsync(email, password, recoveryCodes[3]));

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectType == nameof(AppUser)).Select(e => e.Action).ToListAsync());
        Assert.Contains("account.invited", actions);
        Assert.Contains("account.two-factor-enabled", actions);
    }

    [Fact]
    public async Task AnAdministratorResetsALostAuthenticator_AndTheNextSignInSetsItUpAgain()
    {
        var (email, password, key) = await CoordinatorWithAuthenticatorAsync();
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var admin = await AdminAsync();
        using (var reset = await admin.SubmitFormAsync($"/Admin/Accounts/{id}", new Dictionary<string, string>(), "form[action*='handler=ResetAuthenticator']"))
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var person = app.CreateBrowserLikeClient();
        using (var signedIn = await person.SignInAsync(email, password)) Assert.Equal("/Coordinator", signedIn.Headers.Location!.OriginalString);
        var setup = await person.GetDocumentAsync("/Account/TwoFactor");
        Assert.NotEqual(key, setup.QuerySelector("#shared-key")!.TextContent);
    }

    [Fact]
    public async Task ATwoStepCodeIsNeeded_ForTheAdminPagesToo()
    {
        var email = $"{Guid.NewGuid():N}@city.example.jp";
        var password = StaffAccountService.GeneratePassword();
        await app.WithScopeAsync(s => s.GetRequiredService<StaffAccountService>().CreateAsync(email, "管理 二郎", Roles.Admin, password));
        var admin = app.CreateBrowserLikeClient();
        using (await admin.SignInAsync(email, password))
        {
        }
        using var blocked = await admin.GetAsync("/Admin/Audit");
        Assert.StartsWith("/Account/TwoFactor", blocked.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthenticatorCode_OpensOneSessionOnly()
    {
        var (email, password, key) = await CoordinatorWithAuthenticatorAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(key, app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Redirect, await SecondStepAsync(email, password, "/Account/LoginWith2fa", code));
        // Seen over a shoulder or caught by a fake page: the same code again, within its 30 seconds, opens nothing.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await SecondStepAsync(email, password, "/Account/LoginWith2fa", code));
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            await SecondStepAsync(email, password, "/Account/LoginWith2fa", Totp.Code(key, app.Clock.GetUtcNow().AddSeconds(-30))));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, await SecondStepAsync(email, password, "/Account/LoginWith2fa", Totp.Code(key, app.Clock.GetUtcNow())));
    }

    [Fact]
    public async Task AfterFiveWrongAuthenticatorCodes_ARecoveryCodeDoesNotSignIn()
    {
        var (email, password, key) = await CoordinatorWithAuthenticatorAsync();
        var recoveryCodes = await RecoveryCodesAsync(email);
        var client = app.CreateBrowserLikeClient();
        using (await client.SignInAsync(email, password)) { }
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SubmitFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = NotTheCode(key) });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        }
        using var recovery = await client.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, recovery.StatusCode);
        Assert.Contains("しばらくログインできません", (await Forms.ParseAsync(recovery)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        using (var closed = await client.GetAsync("/Coordinator")) Assert.NotEqual(HttpStatusCode.OK, closed.StatusCode);
        // The code was not spent: once the lock is over, it still works.
        app.Clock.Advance(SignInThrottle.Window);
        Assert.Equal(HttpStatusCode.OK, await SignInWithRecoveryCodeAsync(email, password, recoveryCodes[0]));
    }

    [Fact]
    public async Task WrongRecoveryCodes_CountTowardTheLockout()
    {
        var (email, password, _) = await CoordinatorWithAuthenticatorAsync();
        var recoveryCodes = await RecoveryCodesAsync(email);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, await SignInWithRecoveryCodeAsync(email, password, $"WRONG-{i}0000"));
        // Locked: even the right password no longer reaches a second step, so neither a good recovery code nor a code does.
        using (var locked = await app.CreateBrowserLikeClient().SignInAsync(email, password))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
            Assert.Contains(LoginModel.NotSignedIn, (await Forms.ParseAsync(locked)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        app.Clock.Advance(SignInThrottle.Window);
        Assert.Equal(HttpStatusCode.OK, await SignInWithRecoveryCodeAsync(email, password, recoveryCodes[1]));
    }

    [Fact]
    public async Task APasswordOnlySession_IsNotStaffOutsideTheStaffAreasEither()
    {
        var samples = await SitePages.SamplesAsync(app);
        var email = $"{Guid.NewGuid():N}@city.example.jp";
        var password = StaffAccountService.GeneratePassword();
        await app.WithScopeAsync(s => s.GetRequiredService<StaffAccountService>().CreateAsync(email, "新人 太郎", Roles.Coordinator, password));
        var halfway = app.CreateBrowserLikeClient();
        using (await halfway.SignInAsync(email, password)) { }

        using (var consultation = await halfway.GetAsync($"/Consultations/{samples.ConsultationCode}"))
            Assert.Equal(HttpStatusCode.NotFound, consultation.StatusCode);
        using (var certificate = await halfway.GetAsync($"/Certificates/{samples.Certificate}")) Assert.True(IsRefused(certificate), $"{certificate.StatusCode}");
        Assert.NotNull((await halfway.GetDocumentAsync(samples.ConsultationSlot)).QuerySelector("input[name=Consent]"));

        // The same account after its second step is staff everywhere.
        var key = await EnsureAuthenticatorAsync(email);
        var whole = app.CreateBrowserLikeClient();
        await TwoStep.SignInAsync(whole, email, password, key, app.Clock);
        using (var consultation = await whole.GetAsync($"/Consultations/{samples.ConsultationCode}")) Assert.Equal(HttpStatusCode.OK, consultation.StatusCode);
        using (var certificate = await whole.GetAsync($"/Certificates/{samples.Certificate}")) Assert.Equal(HttpStatusCode.OK, certificate.StatusCode);
        Assert.Null((await whole.GetDocumentAsync(samples.ConsultationSlot)).QuerySelector("input[name=Consent]"));
    }

    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));

    /// <summary>Six digits that are not the authenticator's code now (nor one step either side).</summary>
    private string NotTheCode(string key)
    {
        var now = app.Clock.GetUtcNow();
        var near = new[] { -30, 0, 30 }.Select(s => Totp.Code(key, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 4).Select(i => (i * 250_001).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    /// <summary>A fresh sign-in: the password, then <paramref name="code"/> on the second step's page; what the code answers.</summary>
    private async Task<HttpStatusCode> SecondStepAsync(string email, string password, string page, string code)
    {
        var client = app.CreateBrowserLikeClient();
        using (await client.SignInAsync(email, password)) { }
        using var second = await client.SubmitFormAsync(page, new Dictionary<string, string> { ["Input.Code"] = code });
        return second.StatusCode;
    }

    private Task<IReadOnlyList<string>> RecoveryCodesAsync(string email) => app.WithScopeAsync(async s =>
    {
        var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        return (IReadOnlyList<string>)[.. (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!];
    });

    /// <summary>An administrator signed in in two steps (the demo admin, with an authenticator set up once per app).</summary>
    private async Task<HttpClient> AdminAsync()
    {
        var key = await EnsureAuthenticatorAsync(DemoAccounts.AdminEmail);
        var admin = app.CreateBrowserLikeClient();
        await TwoStep.SignInAsync(admin, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword, key, app.Clock);
        return admin;
    }

    /// <summary>Turns the authenticator on through Identity, as the set-up page does, and returns its key.</summary>
    private Task<string> EnsureAuthenticatorAsync(string email) => app.WithScopeAsync(async s =>
    {
        var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        if (await users.GetAuthenticatorKeyAsync(user) is not { } key || !user.TwoFactorEnabled)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return key;
    });

    private async Task<(string Email, string Password, string Key)> CoordinatorWithAuthenticatorAsync()
    {
        var email = $"{Guid.NewGuid():N}@city.example.jp";
        var password = StaffAccountService.GeneratePassword();
        await app.WithScopeAsync(s => s.GetRequiredService<StaffAccountService>().CreateAsync(email, "佐藤 花子", Roles.Coordinator, password));
        return (email, password, await EnsureAuthenticatorAsync(email));
    }

    private async Task<HttpStatusCode> SignInWithRecoveryCodeAsync(string email, string password, string code)
    {
        var client = app.CreateBrowserLikeClient();
        using (await client.SignInAsync(email, password))
        {
        }
        using var used = await client.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.Code"] = code });
        if (used.StatusCode != HttpStatusCode.Redirect) return used.StatusCode;
        using var open = await client.GetAsync("/Coordinator");
        return open.StatusCode;
    }

    [GeneratedRegex(@"https?://\S+/Account/SetPassword\?\S+")]
    private static partial Regex SetPasswordLink();
}
