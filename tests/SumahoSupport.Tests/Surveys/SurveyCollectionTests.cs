using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Surveys;

/// <summary>
/// Collection through the service and the rate counted in SQL, against hand-counted fixtures. Each test has its own
/// sessions; the clock is moved to just after them, so the class has its own database.
/// </summary>
public sealed class SurveyCollectionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly IReadOnlyDictionary<int, CanDoLevel> NoCanDo = new Dictionary<int, CanDoLevel>();

    private static SurveyAnswers Answer(Understanding? understanding, string? comment = null) => new(understanding, 4, true, comment, NoCanDo);

    private async Task<(int Session, List<string> Tokens)> ClassWithAttendeesAsync(int attendees)
    {
        var session = await app.CreateSessionAsync(capacity: attendees, startsIn: TimeSpan.FromHours(2));
        for (var i = 0; i < attendees; i++) await app.BookAsync(session, TestData.Resident(device: i % 2 == 0 ? DeviceType.Android : DeviceType.None));
        var tokens = await app.WithDbAsync(db => db.Bookings.Where(b => b.ClassSessionId == session).OrderBy(b => b.Id).Select(b => b.SurveyToken!).ToListAsync());
        return (session, tokens);
    }

    private Task<SubmitResult> SubmitAsync(string token, SurveyAnswers answers) =>
        app.WithScopeAsync(s => s.GetRequiredService<SurveyService>().SubmitAsync(token, answers, SurveyChannel.Web, default));

    private async Task<UnderstandingRate> RateAsync(int session) =>
        (await app.WithScopeAsync(s => s.GetRequiredService<SurveyStatistics>().TotalAsync(
            s.GetRequiredService<SumahoSupport.Core.Data.AppDbContext>().ClassSessions.Where(x => x.Id == session), default))).Rate;

    [Fact]
    public async Task TallyEntriesAndIndividualAnswersCountAlike_AndBlanksDoNot()
    {
        var (session, tokens) = await ClassWithAttendeesAsync(6);
        app.Clock.Advance(TimeSpan.FromHours(5)); // the class is over
        Understanding?[] answers = [Understanding.WellUnderstood, Understanding.MostlyUnderstood, Understanding.MostlyUnderstood,
            Understanding.NotReallyUnderstood, null, Understanding.DidNotUnderstand];
        for (var i = 0; i < 6; i++) Assert.Equal(SubmitResult.Saved, await SubmitAsync(tokens[i], Answer(answers[i])));
        await app.WithScopeAsync(s => s.GetRequiredService<SurveyService>().EnterTallyAsync(session,
            new Dictionary<Understanding, int> { [Understanding.WellUnderstood] = 5, [Understanding.NotReallyUnderstood] = 1 }, "coordinator@example.jp", default));

        // By hand: responses 1,2,2,3,4 (one blank) → 3 of 5; tally 5 of 6; together 8 of 11.
        Assert.Equal(new UnderstandingRate(8, 11), await RateAsync(session));
    }

    [Fact]
    public async Task AResponseEditedTwice_CountsOnceWithItsLastAnswer()
    {
        var (session, tokens) = await ClassWithAttendeesAsync(2);
        app.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(SubmitResult.Saved, await SubmitAsync(tokens[0], Answer(Understanding.DidNotUnderstand)));
        Assert.Equal(SubmitResult.Updated, await SubmitAsync(tokens[0], Answer(Understanding.WellUnderstood)));
        Assert.Equal(SubmitResult.Updated, await SubmitAsync(tokens[0], Answer(Understanding.MostlyUnderstood, "よくわかりました")));

        Assert.Equal(new UnderstandingRate(1, 1), await RateAsync(session));
        var response = await app.WithDbAsync(db => db.SurveyResponses.SingleAsync(r => r.ClassSessionId == session));
        Assert.Equal((Understanding.MostlyUnderstood, "よくわかりました", AgeBand.Seventies), (response.Understanding!.Value, response.Comment, response.AgeBand));
    }

    [Fact]
    public async Task NoResponsesOrOnlyBlanks_GiveNoRate()
    {
        var (session, tokens) = await ClassWithAttendeesAsync(2);
        Assert.Null((await RateAsync(session)).Rate);
        app.Clock.Advance(TimeSpan.FromHours(5));
        await SubmitAsync(tokens[0], Answer(null, "ありがとうございました"));
        await SubmitAsync(tokens[1], Answer(null));
        Assert.Equal(new UnderstandingRate(0, 0), await RateAsync(session));
    }

    [Fact]
    public async Task TheSurvey_OpensAtTheClassAndClosesThirtyDaysAfter_AndRefusesStrangers()
    {
        var (_, tokens) = await ClassWithAttendeesAsync(1);
        Assert.Equal(SubmitResult.Closed, await SubmitAsync(tokens[0], Answer(Understanding.WellUnderstood)));
        app.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(SubmitResult.UnknownToken, await SubmitAsync("not-a-token", Answer(Understanding.WellUnderstood)));
        Assert.Equal(SubmitResult.Saved, await SubmitAsync(tokens[0], Answer(Understanding.WellUnderstood)));
        app.Clock.Advance(SurveyService.OpenAfterClass + TimeSpan.FromDays(1));
        Assert.Equal(SubmitResult.Closed, await SubmitAsync(tokens[0], Answer(Understanding.DidNotUnderstand)));
    }

    [Fact]
    public async Task CanDoAnswers_KeepOnlyTheCoursesOwnGoals_AndPaperFormsAreAnonymous()
    {
        var (session, tokens) = await ClassWithAttendeesAsync(1);
        app.Clock.Advance(TimeSpan.FromHours(5));
        var goals = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).SelectMany(s => s.Course.LearningGoals).Select(g => g.Id).ToListAsync());
        var canDo = new Dictionary<int, CanDoLevel> { [goals[0]] = CanDoLevel.Alone, [999_999] = CanDoLevel.Alone };
        await SubmitAsync(tokens[0], new SurveyAnswers(Understanding.WellUnderstood, 5, false, null, canDo));
        await app.WithScopeAsync(s => s.GetRequiredService<SurveyService>().EnterPaperAsync(session, new PaperSheet(Understanding: 3, null, [], [], null, null, null, null), default));

        var responses = await app.WithDbAsync(db => db.SurveyResponses.Include(r => r.CanDo).Where(r => r.ClassSessionId == session).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([goals[0]], responses[0].CanDo.Select(c => c.LearningGoalId));
        var fromPaper = responses.Single(r => r.Channel == SurveyChannel.Paper);
        Assert.Equal((SurveyChannel.Paper, (string?)null, AgeBand.Unknown), (fromPaper.Channel, fromPaper.TokenHash, fromPaper.AgeBand));
        Assert.Equal(new UnderstandingRate(1, 2), await RateAsync(session));
    }

    [Fact]
    public async Task FiscalYear_CountsClassesFromAprilToMarch()
    {
        var (session, tokens) = await ClassWithAttendeesAsync(1);
        app.Clock.Advance(TimeSpan.FromHours(5));
        await SubmitAsync(tokens[0], Answer(Understanding.WellUnderstood));
        var year = await app.FiscalYearOfAsync(session);
        // Only this test's class is counted: the fixture's other tests move the shared clock, so their classes may
        // fall in either year.
        Task<BreakdownRow> YearAsync(int fiscalYear) => app.WithScopeAsync(s =>
        {
            var statistics = s.GetRequiredService<SurveyStatistics>();
            return statistics.TotalAsync(statistics.SessionsOf(fiscalYear).Where(x => x.Id == session), default);
        });
        Assert.Equal(1, (await YearAsync(year)).Rate.Answers);
        Assert.Equal(0, (await YearAsync(year - 1)).Rate.Answers);
        Assert.Equal(0, (await YearAsync(year + 1)).Rate.Answers);
    }
}
