using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Classes;

public sealed record CourseDraft(
    string Title, string Summary, string Topic, CourseLevel Level, TargetOs TargetOs, int DurationMinutes,
    int DefaultCapacity, string? ThingsToBring, IReadOnlyList<string> Goals, bool IsActive, bool AsksCanDoBefore = false,
    int? SurveyTemplateId = null, IReadOnlyList<ExtraQuestionDraft>? ExtraQuestions = null);

/// <summary>A question a course adds to its survey; no choices means free text.</summary>
public sealed record ExtraQuestionDraft(string Text, IReadOnlyList<string> Choices);

/// <summary>The course catalogue (講座) as coordinators edit it.</summary>
public sealed class CourseService(AppDbContext db, AuditLog audit)
{
    public async Task<int> CreateAsync(CourseDraft draft, CancellationToken ct)
    {
        var course = new Course
        {
            Code = "local-" + RandomNumberGenerator.GetHexString(8, lowercase: true),
            Title = draft.Title,
            Summary = draft.Summary,
            Topic = draft.Topic,
        };
        await ApplyAsync(course, draft, ct);
        db.Courses.Add(course);
        await db.SaveNewAsync(() => audit.Record("course.created", nameof(Course), course.Id), ct);
        return course.Id;
    }

    /// <summary>Edits a course; learning goals keep their identity by position, so answers about goal 2 stay about goal 2.</summary>
    public async Task UpdateAsync(int id, CourseDraft draft, CancellationToken ct)
    {
        var course = await db.Courses.Include(c => c.LearningGoals).Include(c => c.ExtraQuestions).SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new KeyNotFoundException($"Course {id}");
        await ApplyAsync(course, draft, ct);
        audit.Record("course.updated", nameof(Course), id);
        await db.SaveChangesAsync(ct);
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
            else course.ExtraQuestions.Add(new Surveys.ExtraQuestion { Order = ++order, Text = wanted[i].Text, Choices = choices });
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
