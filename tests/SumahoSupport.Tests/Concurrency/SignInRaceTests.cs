using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Tests.Security;

namespace SumahoSupport.Tests.Concurrency;

/// <summary>
/// Guesses posted all at once from one client get no more tries than guesses posted one after another: the throttle
/// counts an attempt before it checks the password, so a burst cannot slip past the lock while its failures are unwritten.
/// </summary>
public sealed class SignInRaceTests(SessionTests.CountingFactory app) : IClassFixture<SessionTests.CountingFactory>
{
    private const int Burst = 24;
    private const string Stranger = "198.51.100.99";

    [Fact]
    public async Task ABurstOfGuesses_FromOneClient_TriesNoMoreThanFivePasswords()
    {
        var email = $"{Guid.NewGuid():N}@city.example.jp";
        await app.WithScopeAsync(s => s.GetRequiredService<StaffAccountService>().CreateAsync(email, "同時ログイン", Roles.Coordinator, "Correct-Horse-2026"));
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        // Each guess from a client of its own (its own form token), all from one address, posted together.
        var guesses = new List<(HttpClient Client, Dictionary<string, string> Fields)>();
        for (var i = 0; i < Burst; i++)
        {
            var client = app.CreateBrowserLikeClient(peer: Stranger);
            var form = (await client.GetDocumentAsync("/Account/Login")).QuerySelector<IHtmlFormElement>("main form[method=post]")!;
            var fields = Forms.FieldsOf(form);
            fields["Input.Email"] = email;
            fields["Input.Password"] = $"wrong-guess-{i}";
            guesses.Add((client, fields));
        }
        using var start = new Barrier(Burst);
        var answers = await Task.WhenAll(guesses.Select(g => Task.Run(async () =>
        {
            start.SignalAndWait();
            using var content = new FormUrlEncodedContent(g.Fields);
            using var answer = await g.Client.PostAsync("/Account/Login", content);
            return answer.StatusCode;
        })));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.UnprocessableEntity, status));
        Assert.InRange(app.Hasher.VerificationsOf(id), 0, SignInThrottle.Limit);

        // Then one at a time: whatever the burst was let try, five in all, and the lock is in the audit trail.
        var afterwards = app.CreateBrowserLikeClient(peer: Stranger);
        for (var i = 0; i < SignInThrottle.Limit; i++) using (await afterwards.SignInAsync(email, $"later-guess-{i}")) { }
        Assert.Equal(SignInThrottle.Limit, app.Hasher.VerificationsOf(id));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == SignInThrottle.LockedAction && e.SubjectId == id)));
    }
}
