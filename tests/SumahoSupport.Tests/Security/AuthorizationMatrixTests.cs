using System.Net;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Security;

/// <summary>
/// Who may open what, for every Razor page and every handler the app has — read from the app's own endpoints, so a new
/// page without a declared expectation fails here. Each is tried by a stranger, a resident holding their booking's
/// secret link, a supporter, a coordinator and an administrator: GET with real data, and POST to every handler (without
/// the form token, so nothing changes: a permitted caller gets the antiforgery 400, a refused one the sign-in or
/// access-denied redirect before the page runs).
/// </summary>
public sealed class AuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void EveryPageOfTheApp_HasADeclaredExpectation()
    {
        var pages = SitePages.Pages(app.Services).Select(p => p.Key).ToHashSet();
        Assert.Empty(pages.Except(SitePages.Expected.Keys));
        Assert.Empty(SitePages.Expected.Keys.Except(pages));
    }

    [Fact]
    public async Task EveryPageAndHandler_AnswersEachVisitorAsDeclared()
    {
        var samples = await SitePages.SamplesAsync(app);
        var wrong = new List<string>();
        foreach (var visitor in SitePages.Visitors)
        {
            using var client = await ClientAsync(visitor);
            foreach (var page in SitePages.Pages(app.Services))
            {
                var (access, url) = SitePages.Expected[page.Key];
                var target = url(samples);
                var secretHidden = access == SitePages.Access.SecretLink && visitor == "anonymous";
                if (secretHidden) target = SitePages.WithoutSecret(target);
                var allowed = SitePages.Allowed(access, visitor);

                using (var get = await client.GetAsync(target))
                {
                    var denied = IsDenied(get);
                    if (access == SitePages.Access.SecondStep)
                    {
                        if (!denied) wrong.Add($"{visitor} GET {target} with no first step: {(int)get.StatusCode}, not back to the sign-in");
                        continue;
                    }
                    if ((int)get.StatusCode >= 500) wrong.Add($"{visitor} GET {target}: {(int)get.StatusCode}");
                    else if (denied == allowed) wrong.Add($"{visitor} GET {target}: {(denied ? "refused" : "let in")} ({(int)get.StatusCode} {get.Headers.Location})");
                    else if (secretHidden && get.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.BadRequest))
                        wrong.Add($"{visitor} GET {target} without its secret: {(int)get.StatusCode}, not 404/400");
                    else if (allowed && !secretHidden && !get.IsSuccessStatusCode && get.StatusCode != HttpStatusCode.Redirect && page.Key is not ("/Account/AccessDenied" or "/Error"))
                        wrong.Add($"{visitor} GET {target}: {(int)get.StatusCode} with real data");
                }
                foreach (var handler in page.PostHandlers)
                {
                    var post = handler is null ? target : target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
                    using var content = new FormUrlEncodedContent([]);
                    using var response = await client.PostAsync(post, content);
                    var denied = IsDenied(response);
                    if ((int)response.StatusCode >= 500) wrong.Add($"{visitor} POST {post}: {(int)response.StatusCode}");
                    else if (denied == allowed) wrong.Add($"{visitor} POST {post}: {(denied ? "refused" : "let in")} ({(int)response.StatusCode})");
                    else if (!denied && response.StatusCode != HttpStatusCode.BadRequest) wrong.Add($"{visitor} POST {post} without a form token: {(int)response.StatusCode}, not 400");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>A city that has not switched LINE or texts on has no webhooks: 404, whoever posts and whatever they sign.</summary>
    [Fact]
    public async Task TheProviderWebhooks_AreNotFound_WhileTheirChannelIsOff()
    {
        using var client = app.CreateBrowserLikeClient();
        foreach (var hook in Messaging.ChannelTests.Hooks)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "キャンセル" });
            using var post = await client.PostAsync(hook, content);
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"{hook}: {(int)post.StatusCode}");
        }
    }

    /// <summary>Refused before the page ran: the sign-in or access-denied redirect (the access-denied page itself answers 403).</summary>
    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString is var to
            && (to.Contains("/Account/Login", StringComparison.Ordinal) || to.Contains("/Account/AccessDenied", StringComparison.Ordinal)));

    private async Task<HttpClient> ClientAsync(string visitor)
    {
        var client = app.CreateBrowserLikeClient();
        if (DemoAccounts.Of(visitor) is var (email, password)) using (await client.SignInAsync(email, password)) { }
        return client;
    }
}

/// <summary>
/// The same pages for a coordinator who passed only the password step, where staff sign in in two steps (a new invitee,
/// after an authenticator reset, the first administrator): the staff areas send them to the authenticator set-up, and
/// everywhere else they are no more than a signed-in account — no booking without its secret, no one else's certificate.
/// </summary>
public sealed class PasswordOnlyStaffMatrixTests(Accounts.TwoStepAppFactory app) : IClassFixture<Accounts.TwoStepAppFactory>
{
    [Fact]
    public async Task EveryPage_TreatsAPasswordOnlyCoordinatorAsNotStaff()
    {
        var samples = await SitePages.SamplesAsync(app);
        var email = $"{Guid.NewGuid():N}@city.example.jp";
        var password = Core.Accounts.StaffAccountService.GeneratePassword();
        await app.WithScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Core.Accounts.StaffAccountService>(s).CreateAsync(email, "新人 花子", Core.Data.Roles.Coordinator, password));
        using var client = app.CreateBrowserLikeClient();
        using (await client.SignInAsync(email, password)) { }

        var wrong = new List<string>();
        foreach (var page in SitePages.Pages(app.Services))
        {
            var (access, url) = SitePages.Expected[page.Key];
            if (access == SitePages.Access.SecondStep) continue;
            var target = url(samples);
            using var get = await client.GetAsync(target);
            var to = get.Headers.Location?.OriginalString ?? "";
            var answer = $"{(int)get.StatusCode} {to}";
            switch (access)
            {
                case SitePages.Access.Staff or SitePages.Access.Admin when !to.StartsWith("/Account/TwoFactor", StringComparison.Ordinal):
                    wrong.Add($"GET {target}: {answer}, not the two-step set-up");
                    break;
                case SitePages.Access.OwnerOrStaff or SitePages.Access.Supporter when !(get.StatusCode == HttpStatusCode.Forbidden || to.Contains("/Account/AccessDenied", StringComparison.Ordinal)):
                    wrong.Add($"GET {target}: {answer}, not refused");
                    break;
                case SitePages.Access.SecretLink:
                    using (var hidden = await client.GetAsync(SitePages.WithoutSecret(target)))
                    {
                        if (hidden.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.BadRequest))
                            wrong.Add($"GET {SitePages.WithoutSecret(target)} without its secret: {(int)hidden.StatusCode}, not 404/400");
                    }
                    break;
            }
            if ((int)get.StatusCode >= 500) wrong.Add($"GET {target}: {answer}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
