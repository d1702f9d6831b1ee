using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Accounts;

/// <summary>
/// What an administrator does to accounts, through the pages: stop and restart, unlock, a password reset by mail, a role
/// change — each ending the account's sessions where it should — and the rule that the city always keeps one active
/// administrator, also when two administrators try to remove each other at the same moment.
/// </summary>
public sealed class AccountAdministrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task StoppingAnAccount_EndsItsSession_AndItCannotSignInUntilRestarted()
    {
        var (email, password, id) = await StaffAsync(Roles.Coordinator);
        var person = app.CreateBrowserLikeClient();
        using (await person.SignInAsync(email, password))
        {
        }
        using (var open = await person.GetAsync("/Coordinator")) Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        var admin = await AdminAsync();
        using (var stop = await admin.SubmitFormAsync($"/Admin/Accounts/{id}", new Dictionary<string, string>(), "form[action*='handler=Disable']"))
            Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        using (var ended = await person.GetAsync("/Coordinator")) Assert.StartsWith("/Account/Login", ended.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using (var refused = await app.CreateBrowserLikeClient().SignInAsync(email, password)) Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        using (var restart = await admin.SubmitFormAsync($"/Admin/Accounts/{id}", new Dictionary<string, string>(), "form[action*='handler=Enable']"))
            Assert.Equal(HttpStatusCode.Redirect, restart.StatusCode);
        using (var again = await app.CreateBrowserLikeClient().SignInAsync(email, password)) Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["account.disabled", "account.enabled"], await ActionsAsync(id, "account.disabled", "account.enabled"));
    }

    [Fact]
    public async Task ALockedAccount_IsUnlockedByAnAdministrator()
    {
        var (email, password, id) = await StaffAsync(Roles.Coordinator);
        for (var i = 0; i < 5; i++) using (await app.CreateBrowserLikeClient().SignInAsync(email, "wrong-password-123")) { }
        using (var locked = await app.CreateBrowserLikeClient().SignInAsync(email, password)) Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);

        var admin = await AdminAsync();
        var page = await admin.GetDocumentAsync($"/Admin/Accounts/{id}");
        Assert.Contains("ロック中", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        using (var unlock = await admin.SubmitFormAsync($"/Admin/Accounts/{id}", new Dictionary<string, string>(), "form[action*='handler=Unlock']"))
            Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        using (var signedIn = await app.CreateBrowserLikeClient().SignInAsync(email, password)) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task APasswordReset_IsAMailWithALink_AndAnAuditEntry()
    {
        var (email, _, id) = await StaffAsync(Roles.Coordinator);
        var admin = await AdminAsync();
        using (var sent = await admin.SubmitFormAsync($"/Admin/Accounts/{id}", new Dictionary<string, string>(), "form[action*='handler=PasswordReset']"))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == email));
        Assert.Equal("staff-password-reset", mail.Kind);
        Assert.Contains("/Account/SetPassword?user=", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(["account.password-reset-sent"], await ActionsAsync(id, "account.password-reset-sent"));
    }

    [Fact]
    public async Task ChangingARole_EndsTheSession_AndTheNewRoleApplies()
    {
        var (email, password, id) = await StaffAsync(Roles.Coordinator);
        var person = app.CreateBrowserLikeClient();
        using (await person.SignInAsync(email, password))
        {
        }
        var admin = await AdminAsync();
        using (var changed = await admin.SubmitFormAsync($"/Admin/Accounts/{id}", new Dictionary<string, string> { ["Role"] = Roles.Admin }, "form[action*='handler=Role']"))
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using (var ended = await person.GetAsync("/Coordinator")) Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        using (await person.SignInAsync(email, password))
        {
        }
        using var adminPage = await person.GetAsync("/Admin/Audit");
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
    }

    [Fact]
    public async Task TheLastActiveAdministrator_CannotBeStoppedOrMadeACoordinator()
    {
        var only = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.AdminEmail).Select(u => u.Id).SingleAsync());
        var other = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CoordinatorEmail).Select(u => u.Id).SingleAsync());
        await StopEveryOtherAdminAsync(only);
        await app.WithScopeAsync(async s =>
        {
            var accounts = s.GetRequiredService<StaffAccountService>();
            Assert.Equal(AccountChange.LastActiveAdmin, await accounts.ChangeRoleAsync(only, Roles.Coordinator, default));
            Assert.Equal(AccountChange.LastActiveAdmin, await accounts.DisableAsync(only, other, default));
            Assert.Equal(AccountChange.OwnAccount, await accounts.DisableAsync(only, only, default));
        });
        var admin = await AdminAsync();
        using var refused = await admin.SubmitFormAsync($"/Admin/Accounts/{only}", new Dictionary<string, string> { ["Role"] = Roles.Coordinator }, "form[action*='handler=Role']");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            return await users.IsInRoleAsync((await users.FindByIdAsync(only))!, Roles.Admin);
        }));
    }

    [Fact]
    public async Task TwoAdministratorsDemotingEachOtherAtOnce_LeaveOneAdministrator()
    {
        for (var round = 0; round < 6; round++)
        {
            var (_, _, first) = await StaffAsync(Roles.Admin);
            var (_, _, second) = await StaffAsync(Roles.Admin);
            await StopEveryOtherAdminAsync(first, second);
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.AdminEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAtUtc, app.Clock.GetUtcNow().UtcDateTime)));

            using var start = new Barrier(2);
            var demotions = new[] { (first, second), (second, first) }.Select(pair => Task.Run(() => app.WithScopeAsync(s =>
            {
                start.SignalAndWait();
                return s.GetRequiredService<StaffAccountService>().ChangeRoleAsync(pair.Item2, Roles.Coordinator, default);
            }))).ToList();
            var results = await Task.WhenAll(demotions);

            Assert.Equal(1, results.Count(r => r == AccountChange.Changed));
            Assert.Equal(1, results.Count(r => r == AccountChange.LastActiveAdmin));
            Assert.Equal(1, await ActiveAdminsAsync());
        }
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.AdminEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAtUtc, (DateTime?)null)));
    }

    private Task<int> ActiveAdminsAsync() => app.WithDbAsync(db => db.UserRoles
        .CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin) && db.Users.Any(u => u.Id == ur.UserId && u.DisabledAtUtc == null)));

    /// <summary>
    /// Stops every administrator but <paramref name="keep"/> and the demo one (other tests sign in with it), straight in
    /// the database: the rule is what is under test.
    /// </summary>
    private Task StopEveryOtherAdminAsync(params string[] keep) => app.WithDbAsync(async db =>
    {
        var admins = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)).Select(ur => ur.UserId);
        return await db.Users.Where(u => admins.Contains(u.Id) && !keep.Contains(u.Id) && u.Email != DemoAccounts.AdminEmail)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAtUtc, app.Clock.GetUtcNow().UtcDateTime));
    });

    private async Task<(string Email, string Password, string Id)> StaffAsync(string role)
    {
        var email = $"{Guid.NewGuid():N}@city.example.jp";
        var password = StaffAccountService.GeneratePassword();
        await app.WithScopeAsync(s => s.GetRequiredService<StaffAccountService>().CreateAsync(email, "職員 太郎", role, password));
        return (email, password, await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));
    }

    private Task<HttpClient> AdminAsync() => app.SignedInClientAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);

    private Task<List<string>> ActionsAsync(string id, params string[] actions) =>
        app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectId == id && actions.Contains(e.Action)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
}
