using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Core.Classes;

/// <summary>A course's own words in English, each optional (Japanese is shown where one is empty).</summary>
public sealed record CourseInEnglish(string? Title, string? Summary, string? ThingsToBring);

public sealed record CourseDraft(
    string Title, string Summary, string Topic, CourseLevel Level, TargetOs TargetOs, int DurationMinutes,
    int DefaultCapacity, string? ThingsToBring, IReadOnlyList<string> Goals, bool IsActive, bool AsksCanDoBefore = false,
    int? SurveyTemplateId = null, IReadOnlyList<ExtraQuestionDraft>? ExtraQuestions = null, CourseInEnglish? English = null)
{
    public const int MaxGoals = 10;
    public const int MaxGoalLength = 200;
    public const int MaxExtraQuestions = 5;

    private static readonly char[] QuestionSeparators = ['|', '｜'];
    private static readonly char[] ChoiceSeparators = ['/', '／'];

    /// <summary>Learning goals written one per line.</summary>
    public static IReadOnlyList<string> GoalsFrom(string? lines) => Lines(lines);

    /// <summary>Added questions written one per line: 「質問｜答え1／答え2」 for a choice, the question alone for free text.</summary>
    public static IReadOnlyList<ExtraQuestionDraft> ExtraQuestionsFrom(string? lines) =>
        [.. Lines(lines).Select(line => line.Split(QuestionSeparators, 2, StringSplitOptions.TrimEntries) switch
        {
            [var text, var choices] => new ExtraQuestionDraft(text, [.. choices.Split(ChoiceSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()], IsChoice: true),
            [var text] => new ExtraQuestionDraft(text, []),
            _ => throw new UnreachableException(),
        })];

    /// <summary>The added questions as <see cref="ExtraQuestionsFrom"/> reads them, for the form.</summary>
    public static string ExtraQuestionLines(IEnumerable<ExtraQuestion> questions) =>
        string.Join("\n", questions.Select(q => q.Choices is null ? q.Text : $"{q.Text}｜{string.Join("／", q.ChoiceList)}"));

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The rules of the goals and added questions; the template is checked against the database by the service.</summary>
    public IEnumerable<Problem> Problems()
    {
        if (Goals.Count == 0) yield return new(nameof(Goals), "できるようになることを1つ以上入力してください。");
        if (Goals.Count > MaxGoals) yield return new(nameof(Goals), $"できるようになることは{MaxGoals}個までにしてください。");
        if (Goals.Any(g => g.Length > MaxGoalLength)) yield return new(nameof(Goals), $"できるようになることは1行{MaxGoalLength}文字以内で入力してください。");
        if (ExtraQuestionProblem() is { } problem) yield return new(nameof(ExtraQuestions), problem);
    }

    private string? ExtraQuestionProblem()
    {
        var questions = ExtraQuestions ?? [];
        if (questions.Count > MaxExtraQuestions) return $"追加の質問は{MaxExtraQuestions}問までにしてください。";
        foreach (var question in questions)
        {
            if (question.Text.Length == 0 || question.Text.Length > SurveyTemplate.MaxTextLength)
                return $"追加の質問は、1問{SurveyTemplate.MaxTextLength}文字以内で書いてください。";
            if (question.IsChoice && question.Choices.Count is < 2 or > ExtraQuestion.MaxChoices)
                return $"「{question.Text}」の答えは、「／」で区切って2〜{ExtraQuestion.MaxChoices}個にしてください。";
            if (question.Choices.Any(c => c.Length > ExtraQuestion.MaxChoiceLength))
                return $"答えは1つ{ExtraQuestion.MaxChoiceLength}文字以内にしてください。";
        }
        return null;
    }
}

/// <summary>
/// A question a course adds to its survey: a choice among <see cref="Choices"/>, or free text when it has none and is
/// not <see cref="IsChoice"/> (a choice written without answers is a mistake to point out, not free text).
/// </summary>
public sealed record ExtraQuestionDraft(string Text, IReadOnlyList<string> Choices, bool IsChoice = false);

/// <summary>The course catalogue (講座) as coordinators edit it.</summary>
public sealed class CourseService(AppDbContext db, UnitOfWork work, AuditLog audit, CatalogVersion catalog)
{
    /// <summary>Adds a course (<paramref name="id"/> null) or changes one, once every rule of the draft holds.</summary>
    public async Task<DraftResult> SaveAsync(int? id, CourseDraft draft, CancellationToken ct)
    {
        var problems = draft.Problems().ToList();
        if (draft.SurveyTemplateId is { } template && !await db.SurveyTemplates.AnyAsync(t => t.Id == template, ct))
            problems.Add(new(nameof(CourseDraft.SurveyTemplateId), "アンケートのひな形を選び直してください。"));
        if (problems.Count > 0) return new DraftResult.Rejected(problems);
        var saved = id ?? await CreateAsync(draft, ct);
        if (id is not null) await UpdateAsync(id.Value, draft, ct);
        await catalog.ChangedAsync();
        return new DraftResult.Saved(saved);
    }

    private async Task<int> CreateAsync(CourseDraft draft, CancellationToken ct)
    {
        var course = new Course
        {
            Code = "local-" + RandomNumberGenerator.GetHexString(8, lowercase: true),
            Title = draft.Title,
            Summary = draft.Summary,
            Topic = draft.Topic,
        };
        await work.RunAsync(async unit =>
        {
            await ApplyAsync(course, draft, ct);
            db.Courses.Add(course);
            await unit.SaveAsync(ct);
            audit.Record("course.created", nameof(Course), course.Id);
        }, ct);
        return course.Id;
    }

    /// <summary>Edits a course; learning goals keep their identity by position, so answers about goal 2 stay about goal 2.</summary>
    private async Task UpdateAsync(int id, CourseDraft draft, CancellationToken ct)
    {
        await work.RunAsync(async unit =>
        {
            var course = await db.Courses.Include(c => c.LearningGoals).Include(c => c.ExtraQuestions).SingleOrDefaultAsync(c => c.Id == id, ct)
                ?? throw new KeyNotFoundException($"Course {id}");
            await ApplyAsync(course, draft, ct);
            audit.Record("course.updated", nameof(Course), id);
        }, ct);
    }

    private async Task ApplyAsync(Course course, CourseDraft draft, CancellationToken ct)
    {
        course.Title = draft.Title;
        course.Summary = draft.Summary;
        course.Topic = draft.Topic;
        course.Level = draft.Level;
        course.TargetOs = draft.TargetOs;
        course.DurationMinutes = draft.DurationMinutes;
        course.DefaultCapacity = draft.DefaultCapacity;
        course.ThingsToBring = draft.ThingsToBring;
        course.TitleEn = draft.English?.Title;
        course.SummaryEn = draft.English?.Summary;
        course.ThingsToBringEn = draft.English?.ThingsToBring;
        course.IsActive = draft.IsActive;
        course.AsksCanDoBefore = draft.AsksCanDoBefore;
        course.SurveyTemplateId = draft.SurveyTemplateId;

        var goals = course.LearningGoals.OrderBy(g => g.Order).ToList();
        for (var i = 0; i < draft.Goals.Count; i++)
        {
            if (i < goals.Count) goals[i].Text = draft.Goals[i];
            else course.LearningGoals.Add(new LearningGoal { Order = i + 1, Text = draft.Goals[i] });
        }
        foreach (var extra in goals.Skip(draft.Goals.Count)) course.LearningGoals.Remove(extra);

        // Added questions keep their identity by position, like the goals; one taken off after answers came in is
        // retired rather than deleted, so its answers stay in the results.
        var asked = course.ExtraQuestions.Where(q => !q.Retired).OrderBy(q => q.Order).ToList();
        var wanted = draft.ExtraQuestions ?? [];
        var order = course.ExtraQuestions.Select(q => q.Order).DefaultIfEmpty(0).Max();
        for (var i = 0; i < wanted.Count; i++)
        {
            var choices = wanted[i].Choices.Count == 0 ? null : string.Join('\n', wanted[i].Choices);
            if (i < asked.Count) (asked[i].Text, asked[i].Choices) = (wanted[i].Text, choices);
            else course.ExtraQuestions.Add(new ExtraQuestion { Order = ++order, Text = wanted[i].Text, Choices = choices });
        }
        var dropped = asked.Skip(wanted.Count).ToList();
        var dropIds = dropped.Select(q => q.Id).ToList();
        var answered = dropIds.Count == 0 ? [] : await db.ExtraAnswers.Where(a => dropIds.Contains(a.ExtraQuestionId)).Select(a => a.ExtraQuestionId).Distinct().ToListAsync(ct);
        foreach (var question in dropped)
        {
            if (answered.Contains(question.Id)) question.Retired = true;
            else course.ExtraQuestions.Remove(question);
        }
    }
}
