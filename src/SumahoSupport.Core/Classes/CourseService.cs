using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Classes;

public sealed record CourseDraft(
    string Title, string Summary, string Topic, CourseLevel Level, TargetOs TargetOs, int DurationMinutes,
    int DefaultCapacity, string? ThingsToBring, IReadOnlyList<string> Goals, bool IsActive, bool AsksCanDoBefore = false);

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
        Apply(course, draft);
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        audit.Record("course.created", nameof(Course), course.Id);
        await db.SaveChangesAsync(ct);
        return course.Id;
    }

    /// <summary>Edits a course; learning goals keep their identity by position, so answers about goal 2 stay about goal 2.</summary>
    public async Task UpdateAsync(int id, CourseDraft draft, CancellationToken ct)
    {
        var course = await db.Courses.Include(c => c.LearningGoals).SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new KeyNotFoundException($"Course {id}");
        Apply(course, draft);
        audit.Record("course.updated", nameof(Course), id);
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(Course course, CourseDraft draft)
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

        var goals = course.LearningGoals.OrderBy(g => g.Order).ToList();
        for (var i = 0; i < draft.Goals.Count; i++)
        {
            if (i < goals.Count) goals[i].Text = draft.Goals[i];
            else course.LearningGoals.Add(new LearningGoal { Order = i + 1, Text = draft.Goals[i] });
        }
        foreach (var extra in goals.Skip(draft.Goals.Count)) course.LearningGoals.Remove(extra);
    }
}
