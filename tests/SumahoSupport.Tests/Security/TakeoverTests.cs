using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Security;

/// <summary>
/// What a stranger who knows a resident's phone number and ふりがな (printed on rosters and call lists) can do with the
/// public booking form: nothing to the resident's booking, and nothing to where the resident's notices go.
/// </summary>
public sealed class TakeoverTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Form(string phone, string name, string email) => new()
    {
        ["Input.Name"] = name,
        ["Input.Kana"] = "たなか ゆきこ",
        ["Input.Phone"] = phone,
        ["Input.Email"] = email,
        ["Input.Device"] = nameof(DeviceType.Android),
        ["Input.AgeBand"] = nameof(AgeBand.Eighties),
        ["Consent"] = "true",
    };

    [Fact]
    public async Task RepeatingABookingWithTheResidentsPhoneAndKana_RevealsNoLinkAndChangesNothing()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var phone = TestData.NextPhone();
        using var booked = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{session}/Book", Form(phone, "田中 幸子", "yukiko@example.jp"));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var original = await app.WithDbAsync(db => db.Bookings.AsNoTracking().Include(b => b.Participant).SingleAsync(b => b.ClassSessionId == session));

        var stranger = app.CreateBrowserLikeClient();
        using var attempt = await stranger.SubmitAndConfirmAsync($"/Classes/{session}/Book", Form(phone, "田中 幸子", "attacker@example.com"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, attempt.StatusCode);
        var body = await attempt.Content.ReadAsStringAsync();
        Assert.DoesNotContain(original.ManageToken, body, StringComparison.Ordinal);
        Assert.DoesNotContain(original.Code, body, StringComparison.Ordinal);
        Assert.Contains("お申し込みのときにメールでお送りした予約ページ", (await Forms.ParseAsync(attempt)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == original.ParticipantId));
        Assert.Equal(("田中 幸子", "yukiko@example.jp"), (after.Name, after.Email));
    }

    [Fact]
    public async Task TheRefusalReadsTheSame_WhetherOrNotTheKanaMatches()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var phone = TestData.NextPhone();
        using (var first = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{session}/Book", Form(phone, "田中 幸子", "yukiko2@example.jp")))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var sameKana = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{session}/Book", Form(phone, "田中 幸子", "x@example.com"));
        var otherKana = Form(phone, "田中 一郎", "x@example.com");
        otherKana["Input.Kana"] = "たなか いちろう";
        using var differentKana = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{session}/Book", otherKana);

        Assert.Equal(
            (await Forms.ParseAsync(sameKana)).QuerySelector(".error-summary")!.TextContent,
            (await Forms.ParseAsync(differentKana)).QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task ABookingOfAnotherClassWithTheResidentsPhoneAndKana_DoesNotRedirectTheResidentsNotices()
    {
        var first = await app.CreateSessionAsync(capacity: 5);
        var second = await app.CreateSessionAsync(capacity: 5, startsIn: TimeSpan.FromDays(4));
        var phone = TestData.NextPhone();
        using (var booked = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{first}/Book", Form(phone, "田中 幸子", "resident@example.jp")))
            Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        using (var other = await app.CreateBrowserLikeClient().SubmitAndConfirmAsync($"/Classes/{second}/Book", Form(phone, "田中 幸子", "stranger@example.com")))
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        // The city cancels the resident's class: the notice goes to the address the resident gave, not the stranger's.
        await app.WithScopeAsync(s => s.GetRequiredService<ClassScheduleService>().CancelSessionAsync(first, "講師の急病のため", default));

        var code = await app.WithDbAsync(db => db.Bookings.Where(b => b.ClassSessionId == first).Select(b => b.Code).SingleAsync());
        var notices = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RelatesTo == code).Select(m => m.ToAddress).ToListAsync());
        Assert.NotEmpty(notices);
        Assert.All(notices, to => Assert.Equal("resident@example.jp", to));
    }
}
