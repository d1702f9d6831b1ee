using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Surveys;

/// <summary>
/// Survey figures over any set of sessions, counted in the database (GROUP BY on indexed columns) so years of
/// responses are never loaded into memory: what comes back is one row per session, per answer or per goal.
/// Individual answers and tallies count alike.
/// </summary>
public sealed class SurveyStatistics(AppDbContext db, TimeProvider clock)
{
    /// <summary>The classes held or to be held in a fiscal year (cancelled ones were never held).</summary>
    public IQueryable<ClassSession> SessionsOf(int fiscalYear)
    {
        var (from, until) = FiscalYear.UtcRange(fiscalYear);
        return db.ClassSessions.Where(s => s.StartsAtUtc >= from && s.StartsAtUtc < until && s.Status == ClassSessionStatus.Scheduled);
    }

    /// <summary>Comments shown per class below target; the export has all of them.</summary>
    public const int CommentsPerClassBelowTarget = 5;

    /// <summary>Everything the 理解度ダッシュボード shows for a fiscal year, in a handful of grouped queries.</summary>
    public async Task<SurveyDashboard> DashboardAsync(int fiscalYear, double target, CancellationToken ct)
    {
        var sessions = SessionsOf(fiscalYear);
        var figures = await SessionFiguresAsync(sessions, ct);
        var below = figures.Where(f => f.Rate.Answers > 0 && !f.Rate.MeetsTarget(target)).ToList();
        return new SurveyDashboard(
            fiscalYear,
            SurveyBreakdown.Total("合計", figures),
            SurveyBreakdown.ByClass(figures, BreakdownDimension.Month),
            SurveyBreakdown.ByClass(figures, BreakdownDimension.Venue),
            await CanDoAsync(sessions, ct),
            await ExtraAsync(sessions, ct),
            below,
            await CommentsAsync(below.Select(b => b.SessionId).ToList(), CommentsPerClassBelowTarget, ct));
    }

    /// <summary>The understanding rate, response rate and Q4 of a set of classes as one line (every test and screen counts this way).</summary>
    public async Task<BreakdownRow> TotalAsync(IQueryable<ClassSession> sessions, CancellationToken ct) =>
        SurveyBreakdown.Total("合計", await SessionFiguresAsync(sessions, ct));

    /// <summary>Every class of the set that has started, with its attendees and survey counts — one row per class.</summary>
    public async Task<IReadOnlyList<SessionFigures>> SessionFiguresAsync(IQueryable<ClassSession> sessions, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = sessions.Where(s => s.StartsAtUtc <= now);
        var ids = held.Select(s => s.Id);

        var classes = await held
            .Select(s => new { s.Id, Course = s.Course.Title, s.Course.Topic, Venue = s.Venue.Name, s.StartsAtUtc, s.EndsAtUtc })
            .ToListAsync(ct);
        var lecturers = (await db.Assignments.Counted()
                .Where(a => ids.Contains(a.ClassSessionId) && a.Role == AssignmentRole.Lecturer)
                .Select(a => new { a.ClassSessionId, a.Supporter.Name })
                .ToListAsync(ct))
            .GroupBy(a => a.ClassSessionId)
            .ToDictionary(g => g.Key, g => string.Join("・", g.Select(a => a.Name).Order(StringComparer.Ordinal)));
        var attendees = await db.Bookings
            .Where(b => ids.Contains(b.ClassSessionId) && b.Status == BookingStatus.Attended)
            .GroupBy(b => b.ClassSessionId)
            .Select(g => new { Session = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Session, x => x.Count, ct);
        var responses = await db.SurveyResponses
            .Where(r => ids.Contains(r.ClassSessionId))
            .GroupBy(r => r.ClassSessionId)
            .Select(g => new
            {
                Session = g.Key,
                Responses = g.Count(),
                Understood = g.Count(r => r.Understanding <= Understanding.MostlyUnderstood),
                Answers = g.Count(r => r.Understanding != null),
                NoOneToAsk = g.Count(r => r.HasSomeoneToAsk == false),
                AskAnswered = g.Count(r => r.HasSomeoneToAsk != null),
            })
            .ToDictionaryAsync(x => x.Session, ct);
        var tallies = await db.UnderstandingTallies
            .Where(t => ids.Contains(t.ClassSessionId))
            .GroupBy(t => t.ClassSessionId)
            .Select(g => new { Session = g.Key, Understood = g.Where(t => t.Answer <= Understanding.MostlyUnderstood).Sum(t => t.Count), Answers = g.Sum(t => t.Count) })
            .ToDictionaryAsync(x => x.Session, ct);

        return classes.OrderBy(c => c.StartsAtUtc).ThenBy(c => c.Id).Select(c =>
        {
            var r = responses.GetValueOrDefault(c.Id);
            var t = tallies.GetValueOrDefault(c.Id);
            return new SessionFigures(
                c.Id, c.Course, c.Topic, c.Venue, lecturers.GetValueOrDefault(c.Id), c.StartsAtUtc, c.EndsAtUtc,
                attendees.GetValueOrDefault(c.Id),
                (r?.Responses ?? 0) + (t?.Answers ?? 0),
                new UnderstandingRate((r?.Understood ?? 0) + (t?.Understood ?? 0), (r?.Answers ?? 0) + (t?.Answers ?? 0)),
                r?.NoOneToAsk ?? 0, r?.AskAnswered ?? 0);
        }).ToList();
    }

    /// <summary>
    /// The understanding rate by what the respondent told about themselves (年代 or 端末). Tallies carry neither, so
    /// they are one row of their own — 「不明（集計入力）」 — rather than being left out of the total.
    /// </summary>
    public async Task<IReadOnlyList<BreakdownRow>> ByRespondentAsync(IQueryable<ClassSession> sessions, BreakdownDimension dimension, CancellationToken ct)
    {
        if (dimension is not (BreakdownDimension.AgeBand or BreakdownDimension.Device))
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Only 年代 and 端末 belong to the respondent.");
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = sessions.Where(s => s.StartsAtUtc <= now).Select(s => s.Id);
        var answered = db.SurveyResponses.Where(r => ids.Contains(r.ClassSessionId));
        var grouped = dimension == BreakdownDimension.AgeBand
            ? answered.GroupBy(r => (int)r.AgeBand)
            : answered.GroupBy(r => r.Device == null ? -1 : (int)r.Device);
        var rows = await grouped
            .Select(g => new
            {
                Key = g.Key,
                Sessions = g.Select(r => r.ClassSessionId).Distinct().Count(),
                Responses = g.Count(),
                Understood = g.Count(r => r.Understanding <= Understanding.MostlyUnderstood),
                Answers = g.Count(r => r.Understanding != null),
                NoOneToAsk = g.Count(r => r.HasSomeoneToAsk == false),
                AskAnswered = g.Count(r => r.HasSomeoneToAsk != null),
            })
            .ToListAsync(ct);
        var result = rows
            .OrderBy(r => r.Key < 0 || (dimension == BreakdownDimension.AgeBand && r.Key == (int)AgeBand.Unknown) ? int.MaxValue : r.Key)
            .Select(r => new BreakdownRow(
                dimension == BreakdownDimension.AgeBand ? BookingLabels.AgeBand((AgeBand)r.Key) : BookingLabels.Device(r.Key < 0 ? null : (DeviceType)r.Key),
                r.Sessions, null, r.Responses, new UnderstandingRate(r.Understood, r.Answers), r.NoOneToAsk, r.AskAnswered))
            .ToList();
        var tallied = await db.UnderstandingTallies
            .Where(t => ids.Contains(t.ClassSessionId))
            .GroupBy(t => 1)
            .Select(g => new { Sessions = g.Select(t => t.ClassSessionId).Distinct().Count(), Understood = g.Where(t => t.Answer <= Understanding.MostlyUnderstood).Sum(t => t.Count), Answers = g.Sum(t => t.Count) })
            .SingleOrDefaultAsync(ct);
        if (tallied is { Answers: > 0 })
            result.Add(new BreakdownRow(SurveyLabels.Tallied, tallied.Sessions, null, tallied.Answers, new UnderstandingRate(tallied.Understood, tallied.Answers), 0, 0));
        return result;
    }

    /// <summary>Q3 per learning goal: how many can do it alone, with help, or not yet — and, where asked, alone before the class.</summary>
    public async Task<IReadOnlyList<CanDoFigures>> CanDoAsync(IQueryable<ClassSession> sessions, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = sessions.Where(s => s.StartsAtUtc <= now).Select(s => s.Id);
        var counts = await db.CanDoAnswers
            .Where(a => db.SurveyResponses.Any(r => r.Id == a.SurveyResponseId && ids.Contains(r.ClassSessionId)))
            .GroupBy(a => new { a.LearningGoalId, a.Before, a.Level })
            .Select(g => new { g.Key.LearningGoalId, g.Key.Before, g.Key.Level, Count = g.Count() })
            .ToListAsync(ct);
        var goalIds = counts.Select(c => c.LearningGoalId).Distinct().ToList();
        var goals = await db.LearningGoals.Where(g => goalIds.Contains(g.Id))
            .Select(g => new { g.Id, g.Text, g.Order, Course = db.Courses.Where(c => c.Id == g.CourseId).Select(c => c.Title).Single() })
            .ToListAsync(ct);
        return goals.OrderBy(g => g.Course, StringComparer.Ordinal).ThenBy(g => g.Order).Select(g =>
        {
            int Of(CanDoLevel level, bool before = false) => counts.Where(c => c.LearningGoalId == g.Id && c.Before == before && c.Level == level).Sum(c => c.Count);
            var beforeAnswers = counts.Where(c => c.LearningGoalId == g.Id && c.Before).Sum(c => c.Count);
            return new CanDoFigures(g.Course, g.Text, Of(CanDoLevel.Alone), Of(CanDoLevel.WithHelp), Of(CanDoLevel.NotYet), Of(CanDoLevel.Alone, before: true), beforeAnswers);
        }).ToList();
    }

    /// <summary>
    /// Answers to the courses' added questions, grouped in the database: per choice for a choice question, and all written
    /// answers of a free-text question together (they are read in the responses export).
    /// </summary>
    public async Task<IReadOnlyList<ExtraFigures>> ExtraAsync(IQueryable<ClassSession> sessions, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = sessions.Where(s => s.StartsAtUtc <= now).Select(s => s.Id);
        var counts = await db.ExtraAnswers
            .Where(a => db.SurveyResponses.Any(r => r.Id == a.SurveyResponseId && ids.Contains(r.ClassSessionId)))
            .Join(db.ExtraQuestions, a => a.ExtraQuestionId, q => q.Id, (a, q) => new { a.ExtraQuestionId, Value = q.Choices == null ? null : a.Value })
            .GroupBy(a => new { a.ExtraQuestionId, a.Value })
            .Select(g => new { g.Key.ExtraQuestionId, g.Key.Value, Count = g.Count() })
            .ToListAsync(ct);
        var questionIds = counts.Select(c => c.ExtraQuestionId).Distinct().ToList();
        var questions = await db.ExtraQuestions.Where(q => questionIds.Contains(q.Id))
            .Select(q => new { q.Id, q.Text, q.Order, q.Choices, Course = db.Courses.Where(c => c.Id == q.CourseId).Select(c => c.Title).Single() })
            .ToListAsync(ct);
        return [.. questions.OrderBy(q => q.Course, StringComparer.Ordinal).ThenBy(q => q.Order).SelectMany(q =>
        {
            var mine = counts.Where(c => c.ExtraQuestionId == q.Id).ToList();
            var total = mine.Sum(c => c.Count);
            // Choices in the order they are offered, then any answer no longer offered.
            var order = (q.Choices ?? "").Split('\n').ToList();
            return mine.OrderBy(c => c.Value is null ? -1 : order.IndexOf(c.Value) is var i and >= 0 ? i : int.MaxValue)
                .Select(c => new ExtraFigures(q.Course, q.Text, c.Value ?? "（書いて答える質問）", c.Count, total));
        })];
    }

    /// <summary>What has come in for one class, by channel, and the tallied count (集計入力).</summary>
    public async Task<(IReadOnlyDictionary<SurveyChannel, int> ByChannel, int Tallied)> ReceivedAsync(int sessionId, CancellationToken ct)
    {
        var byChannel = await db.SurveyResponses.Where(r => r.ClassSessionId == sessionId)
            .GroupBy(r => r.Channel)
            .Select(g => new { Channel = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Channel, x => x.Count, ct);
        var tallied = await db.UnderstandingTallies.Where(t => t.ClassSessionId == sessionId).SumAsync(t => t.Count, ct);
        return (byChannel, tallied);
    }

    /// <summary>
    /// The free comments (Q5) of the given classes, newest first, at most <paramref name="perClass"/> each. Meant for a
    /// handful of classes (those below target), each of a dozen or so people.
    /// </summary>
    public async Task<ILookup<int, string>> CommentsAsync(IReadOnlyCollection<int> sessionIds, int perClass, CancellationToken ct)
    {
        var comments = await db.SurveyResponses
            .Where(r => sessionIds.Contains(r.ClassSessionId) && r.Comment != null)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.ClassSessionId, r.Comment })
            .ToListAsync(ct);
        return comments.GroupBy(c => c.ClassSessionId)
            .SelectMany(g => g.Take(perClass))
            .ToLookup(c => c.ClassSessionId, c => c.Comment!);
    }
}

/// <summary>The dashboard of one fiscal year: the headline, the trend, the venues, the can-do goals and the classes below target.</summary>
public sealed record SurveyDashboard(
    int FiscalYear, BreakdownRow Total, IReadOnlyList<BreakdownRow> Months, IReadOnlyList<BreakdownRow> Venues,
    IReadOnlyList<CanDoFigures> CanDo, IReadOnlyList<ExtraFigures> Extra, IReadOnlyList<SessionFigures> BelowTarget, ILookup<int, string> Comments);

/// <summary>How many gave one answer to a course's added question; written answers are counted together.</summary>
public sealed record ExtraFigures(string Course, string Question, string Answer, int Count, int QuestionAnswers)
{
    public double Share => (double)Count / QuestionAnswers;
}

/// <summary>One class and what it produced: attendees, forms received, the understanding rate, and Q4.</summary>
public sealed record SessionFigures(
    int SessionId, string Course, string Topic, string Venue, string? Lecturer, DateTime StartsAtUtc, DateTime EndsAtUtc,
    int Attendees, int Responses, UnderstandingRate Rate, int NoOneToAsk, int AskAnswered)
{
    /// <summary>「2026年4月」 as the month the class took place in Tokyo.</summary>
    public DateOnly Month => new(JapaneseTime.ToTokyo(StartsAtUtc).Year, JapaneseTime.ToTokyo(StartsAtUtc).Month, 1);
}

/// <summary>How many can do one learning goal alone, with help, or not yet; and how many could alone before, where asked.</summary>
public sealed record CanDoFigures(string Course, string Goal, int Alone, int WithHelp, int NotYet, int BeforeAlone = 0, int BeforeAnswers = 0)
{
    public int Answers => Alone + WithHelp + NotYet;

    public double? AloneShare => Answers == 0 ? null : (double)Alone / Answers;

    public double? BeforeAloneShare => BeforeAnswers == 0 ? null : (double)BeforeAlone / BeforeAnswers;
}
