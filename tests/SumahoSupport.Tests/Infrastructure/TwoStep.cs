using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>Two-step sign-in as a person does it: the set-up page's key into an authenticator (<see cref="Totp"/>), then codes.</summary>
public static class TwoStep
{
    /// <summary>Sets up the authenticator of the signed-in <paramref name="client"/>; returns its key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(HttpClient client, TimeProvider clock)
    {
        var setup = await client.GetDocumentAsync("/Account/TwoFactor");
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        using var enabled = await client.SubmitFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        return (key, [.. (await Forms.ParseAsync(enabled)).QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent)]);
    }

    /// <summary>
    /// Signs in with the password, then the authenticator's code of the next 30 seconds: the clock moves on first, since
    /// each code is good once and the set-up or an earlier sign-in may have used the current one.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, string email, string password, string key, FakeTimeProvider clock)
    {
        clock.Advance(TimeSpan.FromSeconds(30));
        using (var first = await client.SignInAsync(email, password))
            Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var second = await client.SubmitFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
    }
}
