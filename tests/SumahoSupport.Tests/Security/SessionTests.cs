using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Tests.Supporters;

namespace SumahoSupport.Tests.Security;

/// <summary>Sessions end when they should: at sign-out (even for a copied cookie) and when a supporter is rested.</summary>
public sealed class SessionTests(SessionTests.CountingFactory app) : IClassFixture<SessionTests.CountingFactory>
{
    /// <summary>The app with its password hasher counted, to see that an unknown address costs a password check too.</summary>
    public sealed class CountingFactory : AppFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:StaffIdleTimeoutMinutes", "30");
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<AppUser>>(Hasher)));
        }
    }

    public sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> inner = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> byAccount = new(StringComparer.Ordinal);
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        /// <summary>The passwords tried against this account's own hash: the guesses it let through.</summary>
        public int VerificationsOf(string userId) => byAccount.GetValueOrDefault(userId);

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            byAccount.AddOrUpdate(user.Id, 1, (_, n) => n + 1);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static string CookieHeader(HttpResponseMessage signedIn) =>
        string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("sumaho.auth", StringComparison.Ordinal)));

    private HttpClient WithCookie(string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>The session is over: the page sends the client to sign in again.</summary>
    private static async Task AssertSentToSignInAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningOut_EndsTheSessionForACopiedCookieToo()
    {
        var coordinator = app.CreateBrowserLikeClient();
        using var signedIn = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var copied = WithCookie(CookieHeader(signedIn));
        using (var before = await copied.GetAsync("/Coordinator/Bookings")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var signedOut = await coordinator.SubmitFormAsync("/Coordinator", new Dictionary<string, string>(), "form[action='/Account/Logout']"))
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await AssertSentToSignInAsync(copied, "/Coordinator/Bookings");
    }

    [Fact]
    public async Task AStaffSession_EndsAfterThirtyMinutesWithoutUse_AndSlidesWhileUsed()
    {
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        using (var used = await coordinator.GetAsync("/Coordinator")) Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        using (var stillIn = await coordinator.GetAsync("/Coordinator")) Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        await AssertSentToSignInAsync(coordinator, "/Coordinator");
    }

    [Fact]
    public async Task RestingASupporter_EndsTheirSession_RefusesSignIn_AndStopsTheirFeed()
    {
        var supporter = app.CreateBrowserLikeClient();
        using var signedIn = await supporter.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        using (var logs = await supporter.GetAsync("/Supporter/Logs")) Assert.Equal(HttpStatusCode.OK, logs.StatusCode);
        var feed = new Uri((await supporter.GetDocumentAsync("/Supporter")).QuerySelector(".feed-url")!.TextContent).AbsolutePath;
        using (var before = await app.CreateClient().GetAsync(feed)) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var id = await app.WithDbAsync(db => db.Supporters.Where(s => s.Email == DemoAccounts.SupporterEmail).Select(s => s.Id).SingleAsync());
        using (var rested = await coordinator.SubmitFormAsync($"/Coordinator/Supporters/{id}", new Dictionary<string, string>(), "form[action*='handler=Deactivate']"))
            Assert.Equal(HttpStatusCode.Redirect, rested.StatusCode);

        await AssertSentToSignInAsync(supporter, "/Supporter/Logs");
        using (var again = await app.CreateBrowserLikeClient().SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        using (var after = await app.CreateClient().GetAsync(feed)) Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);

        await app.WithScopeAsync(s => s.GetRequiredService<SupporterService>().ReactivateAsync(id, default));
    }

    [Fact]
    public async Task ASupporter_CanReplaceTheirFeedAddress_AndTheOldOneStops()
    {
        var trainee = await app.TraineeAsync("高橋 みのる");
        var email = await app.WithDbAsync(db => db.Supporters.Where(s => s.Id == trainee).Select(s => s.Email!).SingleAsync());
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "Trainee-Password-2026")).Succeeded);
        });
        var client = app.CreateBrowserLikeClient();
        using (var signedIn = await client.SignInAsync(email, "Trainee-Password-2026")) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var oldFeed = new Uri((await client.GetDocumentAsync("/Supporter")).QuerySelector(".feed-url")!.TextContent).AbsolutePath;

        using (var renewed = await client.SubmitFormAsync("/Supporter", new Dictionary<string, string>(), "form[action*='handler=RenewFeed']"))
            Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var page = await client.GetDocumentAsync("/Supporter");
        var newFeed = new Uri(page.QuerySelector(".feed-url")!.TextContent).AbsolutePath;

        Assert.NotEqual(oldFeed, newFeed);
        Assert.Contains("前のアドレスはもう使えません", page.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        using (var old = await app.CreateClient().GetAsync(oldFeed)) Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        using (var current = await app.CreateClient().GetAsync(newFeed)) Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Contains("supporter.feed-renewed", await app.AuditActionsForAsync(nameof(Supporter), trainee.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task SigningInWithAnUnknownAddress_DoesTheSamePasswordWorkAsWithARealOne()
    {
        var before = app.Hasher.Verifications;
        using (var unknown = await app.CreateBrowserLikeClient().SignInAsync("nobody-here@example.jp", "Some-Password-123"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var forUnknown = app.Hasher.Verifications - before;

        before = app.Hasher.Verifications;
        using (var wrong = await app.CreateBrowserLikeClient().SignInAsync(DemoAccounts.AdminEmail, "Wrong-Password-123"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var forReal = app.Hasher.Verifications - before;

        Assert.Equal(1, forReal);
        Assert.Equal(forReal, forUnknown);
    }

    [Fact]
    public async Task ASetPasswordLinkWithAWrongToken_ShowsNothingOfTheAccount()
    {
        var (id, email) = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CoordinatorEmail).Select(u => new ValueTuple<string, string>(u.Id, u.Email!)).SingleAsync());

        using var response = await app.CreateBrowserLikeClient().GetAsync($"/Account/SetPassword?user={id}&token=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(email, body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("期限切れか、すでに使われています", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAntiforgeryCookie_IsSecureOverHttps()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/Account/Login");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sumaho.af", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
