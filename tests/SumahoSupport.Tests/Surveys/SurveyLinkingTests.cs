using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>An app where the city has turned on linking answers to participants.</summary>
public sealed class LinkingAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Survey:LinkResponsesToParticipants", "true");
    }
}

/// <summary>Anonymous by default; with linking on, the answer records whose it is and the survey says so first.</summary>
public sealed class SurveyLinkingTests(LinkingAppFactory linked) : IClassFixture<LinkingAppFactory>
{
    [Fact]
    public async Task WithLinkingOn_TheAnswerNamesItsParticipant_AndTheSurveySaysSo()
    {
        var (response, privacy, export) = await AnswerAsync(linked);
        var participant = await linked.WithDbAsync(db => db.Participants.Where(p => p.Id == response).Select(p => p.Name + "（" + p.Kana + "）").SingleAsync());
        Assert.Equal("お答えは、ご予約のお名前と結びつけて記録します（市の設定）。", privacy);
        Assert.EndsWith("," + participant + "\r\n", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByDefault_TheAnswerBelongsToTheClassOnly()
    {
        using var anonymous = new AppFactory();
        var (response, privacy, export) = await AnswerAsync(anonymous);
        Assert.Null(response);
        Assert.Equal("お答えは、お名前と結びつけずに集計します。", privacy);
        Assert.EndsWith(",\r\n", export, StringComparison.Ordinal);
    }

    /// <summary>One web answer to a class that has ended: the participant it names, the survey's privacy line and the export's last line.</summary>
    private static async Task<(int? Participant, string Privacy, string ExportLine)> AnswerAsync(AppFactory app)
    {
        var session = await app.CreateSessionAsync(capacity: 3, startsIn: TimeSpan.FromHours(2));
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(kana: "れんけい たろう")));
        var token = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.SurveyToken!).SingleAsync());
        app.Clock.Advance(TimeSpan.FromHours(5));
        var resident = app.CreateBrowserLikeClient();
        var privacy = (await resident.GetDocumentAsync($"/Survey/{token}")).QuerySelector("#survey-privacy")!.TextContent.Trim();
        using (await resident.SubmitFormAsync($"/Survey/{token}?q=1", new Dictionary<string, string> { ["Answer"] = "1" })) { }
        var participant = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.ClassSessionId == session).Select(r => r.ParticipantId).SingleAsync());

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var fiscalYear = await app.FiscalYearOfAsync(session);
        var csv = await coordinator.GetStringAsync($"/Coordinator/Dashboard/Export?fy={fiscalYear}&view=responses&format=csv");
        var last = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[^1] + "\r\n";
        return (participant, privacy, last);
    }
}
