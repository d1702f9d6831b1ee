using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Observability;

namespace SumahoSupport.Core.Surveys;

/// <summary>
/// What a participant answered; blanks stay null and are not counted. <see cref="CanDoBefore"/> is about before the class,
/// for courses that ask both.
/// </summary>
public sealed record SurveyAnswers(
    Understanding? Understanding, int? Satisfaction, bool? HasSomeoneToAsk, string? Comment, IReadOnlyDictionary<int, CanDoLevel> CanDo,
    bool? WantsFollowUp = null, IReadOnlyDictionary<int, CanDoLevel>? CanDoBefore = null, IReadOnlyDictionary<int, string>? Extra = null)
{
    public static SurveyAnswers None => new(null, null, null, null, new Dictionary<int, CanDoLevel>(), null, new Dictionary<int, CanDoLevel>(), new Dictionary<int, string>());
}

/// <summary>The course's template as the form asks it: the class title already in Q1, the goal placeholder left for Q3.</summary>
public sealed record SurveyWording(
    string Understanding, string Satisfaction, string CanDo, string SomeoneToAsk, string Comment,
    bool AsksSatisfaction, bool AsksSomeoneToAsk, bool AsksComment)
{
    public static SurveyWording From(SurveyTemplate template, string classTitle) => new(
        template.UnderstandingText.Replace(SurveyTemplate.ClassPlaceholder, classTitle, StringComparison.Ordinal), template.SatisfactionText,
        template.CanDoText, template.SomeoneToAskText, template.CommentText, template.AsksSatisfaction, template.AsksSomeoneToAsk, template.AsksComment);

    /// <summary>Asked only after 「あまり」「理解できなかった」: may the city offer help again?</summary>
    public const string FollowUpQuestion = "もう一度、ひとりずつの「スマホ相談」や教室で、お手伝いさせてください。市からご案内してもよろしいですか？";

    /// <summary>Q3 for one learning goal.</summary>
    public string CanDoFor(string goal) => CanDo.Replace(SurveyTemplate.GoalPlaceholder, goal, StringComparison.Ordinal);

    /// <summary>Q3 of a course that compares, about before the class (the same words on paper).</summary>
    public static string CanDoBeforeFor(string goal) => $"教室の前は、「{goal}」ことが、できましたか？";

    /// <summary>Q3 of a course that compares, about now.</summary>
    public static string CanDoNowFor(string goal) => $"教室のあと、今は「{goal}」ことが、できますか？";
}

/// <summary>A course's added question as the form shows it; no choices means free text.</summary>
public sealed record ExtraQuestionView(int Id, string Text, IReadOnlyList<string> Choices);

/// <summary>What the survey form needs to show for one token.</summary>
public sealed record SurveyForm(
    SurveyFormState State, string ClassTitle, DateTime StartsAtUtc, DateTime EndsAtUtc,
    IReadOnlyList<(int Id, string Text)> Goals, SurveyAnswers Answers, bool AsksCanDoBefore,
    SurveyWording Wording, IReadOnlyList<ExtraQuestionView> Extras, bool LinkedToParticipant);

public enum SurveyFormState
{
    Open,
    NotYet,
    Closed,
}

public enum SubmitResult
{
    Saved,
    Updated,
    UnknownToken,
    Closed,

    /// <summary>The link has changed its answers <see cref="SurveyService.MaxChangesPerLink"/> times already; nothing was saved.</summary>
    TooManyChanges,
}

/// <summary>
/// Collects answers through every channel into <see cref="SurveyResponse"/>: the QR/e-mail link (one response per
/// token; submitting again edits it until the survey closes), paper forms typed in one by one, and tallies.
/// </summary>
public sealed class SurveyService(
    AppDbContext db, UnitOfWork work, TimeProvider clock, AuditLog audit, SurveyFollowUpService followUps, SurveyStatistics statistics,
    IOptions<SurveyOptions> options, AppMetrics metrics)
{
    /// <summary>
    /// How many times one link may change an answer it already gave (each change audited). Answering new questions and
    /// posting the same answers again do not count, so a resident who goes back to fix a few answers is never stopped,
    /// and one link cannot flood the audit trail.
    /// </summary>
    public const int MaxChangesPerLink = 5;

    /// <summary>A survey stays open this long after its class ends.</summary>
    public static readonly TimeSpan OpenAfterClass = TimeSpan.FromDays(30);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The class, its goals and the answers so far for a token; null when the token is unknown.</summary>
    public async Task<SurveyForm?> OpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return null;
        var booking = await Attendee(token)
            .Select(b => new
            {
                b.ClassSession.Course.Title, b.ClassSession.StartsAtUtc, b.ClassSession.EndsAtUtc, b.ClassSession.Course.AsksCanDoBefore,
                b.ClassSession.Course.SurveyTemplate,
                Extras = b.ClassSession.Course.ExtraQuestions.Where(q => !q.Retired).OrderBy(q => q.Order).ToList(),
                Goals = b.ClassSession.Course.LearningGoals.OrderBy(g => g.Order).Select(g => new { g.Id, g.Text }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (booking is null) return null;
        var hash = Hash(token);
        var saved = await db.SurveyResponses.AsNoTracking().Include(r => r.CanDo).Include(r => r.Extra).SingleOrDefaultAsync(r => r.TokenHash == hash, ct);
        var template = booking.SurveyTemplate ?? await StandardTemplateAsync(ct);
        var answers = saved is null
            ? SurveyAnswers.None
            : new SurveyAnswers(saved.Understanding, saved.Satisfaction, saved.HasSomeoneToAsk, saved.Comment,
                saved.CanDo.Where(c => !c.Before).ToDictionary(c => c.LearningGoalId, c => c.Level), saved.WantsFollowUp,
                saved.CanDo.Where(c => c.Before).ToDictionary(c => c.LearningGoalId, c => c.Level),
                saved.Extra.ToDictionary(e => e.ExtraQuestionId, e => e.Value));
        var state = Now < booking.StartsAtUtc ? SurveyFormState.NotYet
            : Now > booking.EndsAtUtc + OpenAfterClass ? SurveyFormState.Closed
            : SurveyFormState.Open;
        return new SurveyForm(state, booking.Title, booking.StartsAtUtc, booking.EndsAtUtc, booking.Goals.Select(g => (g.Id, g.Text)).ToList(), answers, booking.AsksCanDoBefore,
            SurveyWording.From(template, booking.Title), [.. booking.Extras.Select(q => new ExtraQuestionView(q.Id, q.Text, q.ChoiceList))],
            options.Value.LinkResponsesToParticipants);
    }

    public async Task<SubmitResult> SubmitAsync(string? token, SurveyAnswers answers, SurveyChannel channel, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return SubmitResult.UnknownToken;
        var booking = await Attendee(token)
            .Select(b => new { b.Id, b.Code, b.ClassSessionId, b.ClassSession.CourseId, b.ClassSession.StartsAtUtc, b.ClassSession.EndsAtUtc, b.ParticipantId, b.Participant.AgeBand, b.Participant.Device })
            .SingleOrDefaultAsync(ct);
        if (booking is null) return SubmitResult.UnknownToken;
        if (Now < booking.StartsAtUtc || Now > booking.EndsAtUtc + OpenAfterClass) return SubmitResult.Closed;

        var (result, firstAnswer) = await work.RunAsync(async unit =>
        {
            var hash = Hash(token);
            var response = await db.SurveyResponses.Include(r => r.CanDo).Include(r => r.Extra).SingleOrDefaultAsync(r => r.TokenHash == hash, ct);
            var isNew = response is null;
            var before = isNew ? new Dictionary<string, string>() : AnswersOf(response!);
            var linkedBefore = response?.ParticipantId;
            response ??= db.SurveyResponses.Add(new SurveyResponse
            {
                ClassSessionId = booking.ClassSessionId, TokenHash = hash, Channel = channel,
                AgeBand = booking.AgeBand, Device = booking.Device, CreatedAtUtc = Now,
            }).Entity;
            await ApplyAsync(response, answers, booking.CourseId, ct);
            // Only a token answer can be followed up: it alone says who answered, and only with the consent it carries.
            response.WantsFollowUp = answers.Understanding is { } u && !u.IsUnderstood() ? answers.WantsFollowUp : null;
            // Linked only while the city has linking on; an answer edited after it was turned off becomes anonymous again.
            response.ParticipantId = options.Value.LinkResponsesToParticipants ? booking.ParticipantId : null;

            var after = AnswersOf(response);
            if (!isNew && after.Count == before.Count && !after.Except(before).Any() && response.ParticipantId == linkedBefore)
            {
                // The same answers again (a reload, a double tap, a script): nothing to save, nothing to audit.
                return (unit.Discard(SubmitResult.Updated), false);
            }
            var changesAnAnswer = before.Any(given => !after.TryGetValue(given.Key, out var now) || now != given.Value);
            if (changesAnAnswer && await unit.UpdateAsync(db.SurveyResponses.Where(r => r.Id == response.Id && r.Changes < MaxChangesPerLink),
                    set => set.SetProperty(r => r.Changes, r => r.Changes + 1), ct) == 0)
                return (unit.Discard(SubmitResult.TooManyChanges), false);
            await unit.SaveAsync(ct);
            audit.Record(isNew ? "survey.submitted" : "survey.updated", nameof(SurveyResponse), response.Id, channel.ToString());
            await followUps.AfterAnswerAsync(response, booking.Id, booking.Code, ct);
            return (isNew ? SubmitResult.Saved : SubmitResult.Updated, isNew);
        }, ct);
        if (firstAnswer) metrics.SurveyAnswered(channel.ToString());
        return result;
    }

    /// <summary>Every question answered, each with its answer, to tell new answers from changed ones.</summary>
    private static Dictionary<string, string> AnswersOf(SurveyResponse response)
    {
        var answered = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string question, object? value)
        {
            if (value is not null) answered[question] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        }
        Add("understanding", response.Understanding);
        Add("satisfaction", response.Satisfaction);
        Add("someone-to-ask", response.HasSomeoneToAsk);
        Add("follow-up", response.WantsFollowUp);
        Add("comment", response.Comment);
        foreach (var c in response.CanDo) Add($"can-do:{c.LearningGoalId}:{(c.Before ? "before" : "after")}", c.Level);
        foreach (var e in response.Extra) Add($"extra:{e.ExtraQuestionId}", e.Value);
        return answered;
    }

    /// <summary>The paper entry of a class: its goals and added questions, and the answers received so far; null when no such class.</summary>
    public async Task<PaperForm?> PaperFormAsync(int sessionId, CancellationToken ct)
    {
        var session = await db.ClassSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new
            {
                s.Status, s.StartsAtUtc, s.Course.AsksCanDoBefore,
                Goals = s.Course.LearningGoals.OrderBy(g => g.Order).Select(g => new { g.Id, g.Text }).ToList(),
                Extras = s.Course.ExtraQuestions.Where(q => !q.Retired).OrderBy(q => q.Order).ToList(),
                Attendees = s.Bookings.Count(b => b.Status == BookingStatus.Attended),
            })
            .SingleOrDefaultAsync(ct);
        if (session is null) return null;
        var (received, tallied) = await statistics.ReceivedAsync(sessionId, ct);
        var tallies = await db.UnderstandingTallies.AsNoTracking().Where(t => t.ClassSessionId == sessionId).ToDictionaryAsync(t => t.Answer, t => t.Count, ct);
        // Forms describe a class that took place: before it starts, or once called off, there is nothing to enter.
        var canEnter = session.Status == Classes.ClassSessionStatus.Scheduled && session.StartsAtUtc <= Now;
        return new PaperForm(canEnter, [.. session.Goals.Select(g => (g.Id, g.Text))], session.AsksCanDoBefore,
            [.. session.Extras.Select(q => new ExtraQuestionView(q.Id, q.Text, q.ChoiceList))], received, tallied, session.Attendees, tallies);
    }

    /// <summary>
    /// One paper form typed in by a coordinator; it has no token and is not linked to anyone. The form's own 年代 and
    /// 端末 boxes are optional. Answers how many paper forms the class now has.
    /// </summary>
    public async Task<DraftResult> EnterPaperAsync(int sessionId, PaperSheet sheet, CancellationToken ct)
    {
        var form = await PaperFormAsync(sessionId, ct) ?? throw new KeyNotFoundException($"ClassSession {sessionId}");
        if (!form.CanEnter) return new DraftResult.Rejected("", PaperForm.NotOpenMessage);
        var (answers, problems) = sheet.Read(form);
        if (problems.Count > 0) return new DraftResult.Rejected(problems);
        var courseId = await db.ClassSessions.Where(s => s.Id == sessionId).Select(s => s.CourseId).SingleAsync(ct);
        await work.RunAsync(async unit =>
        {
            var response = db.SurveyResponses.Add(new SurveyResponse
            {
                ClassSessionId = sessionId, Channel = SurveyChannel.Paper, CreatedAtUtc = Now, AgeBand = sheet.AgeBandAnswer, Device = sheet.DeviceAnswer,
            }).Entity;
            await ApplyAsync(response, answers, courseId, ct);
            await unit.SaveAsync(ct);
            audit.Record("survey.paper", nameof(SurveyResponse), response.Id);
        }, ct);
        metrics.SurveyAnswered(nameof(SurveyChannel.Paper));
        return new DraftResult.Saved(await db.SurveyResponses.CountAsync(r => r.ClassSessionId == sessionId && r.Channel == SurveyChannel.Paper, ct));
    }

    /// <summary>集計入力: the counts per answer for a session; entering them again replaces the earlier counts.</summary>
    public async Task<DraftResult> EnterTallyAsync(int sessionId, IReadOnlyDictionary<Understanding, int> counts, string enteredBy, CancellationToken ct)
    {
        var form = await PaperFormAsync(sessionId, ct) ?? throw new KeyNotFoundException($"ClassSession {sessionId}");
        if (!form.CanEnter) return new DraftResult.Rejected("", PaperForm.NotOpenMessage);
        if (counts.Values.Any(c => c is < 0 or > 999)) return new DraftResult.Rejected("", "枚数は 0〜999 の数字で入力してください。");
        await work.RunAsync(async unit =>
        {
            var existing = await db.UnderstandingTallies.Where(t => t.ClassSessionId == sessionId).ToDictionaryAsync(t => t.Answer, ct);
            foreach (var (answer, count) in counts)
            {
                if (!existing.TryGetValue(answer, out var tally))
                    tally = db.UnderstandingTallies.Add(new UnderstandingTally { ClassSessionId = sessionId, Answer = answer }).Entity;
                tally.Count = count;
                tally.EnteredBy = enteredBy;
                tally.EnteredAtUtc = Now;
            }
            audit.Record("survey.tally", "ClassSession", sessionId, string.Join(",", counts.Select(c => $"{(int)c.Key}:{c.Value}")));
        }, ct);
        return new DraftResult.Saved(counts.Values.Sum());
    }

    private async Task ApplyAsync(SurveyResponse response, SurveyAnswers answers, int courseId, CancellationToken ct)
    {
        response.Understanding = answers.Understanding is { } u && Enum.IsDefined(u) ? u : null;
        response.Satisfaction = answers.Satisfaction is >= 1 and <= 5 ? answers.Satisfaction : null;
        response.HasSomeoneToAsk = answers.HasSomeoneToAsk;
        response.Comment = string.IsNullOrWhiteSpace(answers.Comment) ? null : answers.Comment.Trim();
        response.UpdatedAtUtc = Now;

        // Only the course's own goals count, and 「前は」 only where the course asks it; anything else posted is ignored.
        var course = await db.Courses.Where(c => c.Id == courseId)
            .Select(c => new { c.AsksCanDoBefore, Goals = c.LearningGoals.Select(g => g.Id).ToList() }).SingleAsync(ct);
        response.CanDo.Clear();
        IEnumerable<(KeyValuePair<int, CanDoLevel> Answer, bool Before)> given = answers.CanDo.Select(a => (a, false));
        if (course.AsksCanDoBefore) given = given.Concat((answers.CanDoBefore ?? new Dictionary<int, CanDoLevel>()).Select(a => (a, true)));
        foreach (var (answer, before) in given.Where(g => course.Goals.Contains(g.Answer.Key) && Enum.IsDefined(g.Answer.Value)))
            response.CanDo.Add(new CanDoAnswer { LearningGoalId = answer.Key, Level = answer.Value, Before = before });

        // The course's own questions that are still asked; a choice must be one of its answers.
        var extras = await db.ExtraQuestions.Where(q => q.CourseId == courseId && !q.Retired).ToDictionaryAsync(q => q.Id, ct);
        response.Extra.Clear();
        foreach (var (question, value) in answers.Extra ?? new Dictionary<int, string>())
        {
            var text = value.Trim();
            if (!extras.TryGetValue(question, out var asked) || text.Length == 0 || text.Length > ExtraQuestion.MaxAnswerLength) continue;
            if (asked.Choices is not null && !asked.ChoiceList.Contains(text)) continue;
            response.Extra.Add(new ExtraAnswer { ExtraQuestionId = question, Value = text });
        }
    }

    private Task<SurveyTemplate> StandardTemplateAsync(CancellationToken ct) =>
        db.SurveyTemplates.AsNoTracking().SingleAsync(t => t.Code == SurveyTemplate.StandardCode, ct);

    /// <summary>The booking a survey token belongs to, if it held a seat (a cancelled or waiting booking has nothing to rate).</summary>
    private IQueryable<Booking> Attendee(string token) =>
        db.Bookings.AsNoTracking().Where(b => b.SurveyToken == token && BookingStatuses.HoldingSeat.Contains(b.Status));

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
