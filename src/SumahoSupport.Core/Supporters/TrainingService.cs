using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Supporters;

/// <summary>Where a supporter stands on one module.</summary>
public sealed record ModuleProgress(
    int Id, string Code, string Title, string Summary, int Minutes, bool IsRequired, bool IsInPerson, int? PassMarkPercent,
    int QuestionCount, bool Passed, int Attempts, int? BestScorePercent, DateTime? LastAtUtc);

/// <summary>The outcome of one check test: the score, which answers were right, and a certification if this pass completed the rule.</summary>
public sealed record TestOutcome(int ScorePercent, bool Passed, int Attempt, IReadOnlyList<bool> Correct, Certification? Issued);

public enum InPersonResult
{
    Recorded,

    /// <summary>The module has a check test; attendance is for in-person 研修 only.</summary>
    NotInPerson,

    /// <summary>Attendance is recorded after the 研修, not before.</summary>
    FutureDate,

    AlreadyRecorded,
}

/// <summary>研修: check tests taken by supporters (every attempt kept) and in-person attendance recorded by coordinators.</summary>
public sealed class TrainingService(AppDbContext db, UnitOfWork work, TimeProvider clock, AuditLog audit, CertificationService certification)
{
    public Task<List<ModuleProgress>> ProgressAsync(int supporterId, CancellationToken ct)
    {
        var records = db.TrainingRecords.Where(r => r.SupporterId == supporterId);
        return db.TrainingModules.AsNoTracking().OrderBy(m => m.Order)
            .Select(m => new ModuleProgress(
                m.Id, m.Code, m.Title, m.Summary, m.Minutes, m.IsRequired, m.IsInPerson, m.PassMarkPercent, m.Questions.Count,
                records.Any(r => r.TrainingModuleId == m.Id && r.Passed),
                records.Count(r => r.TrainingModuleId == m.Id),
                records.Where(r => r.TrainingModuleId == m.Id).Max(r => r.ScorePercent),
                records.Where(r => r.TrainingModuleId == m.Id).Max(r => (DateTime?)r.CompletedAtUtc)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Marks one attempt at the module's check test. <paramref name="answers"/> holds the chosen choice's index for each
    /// question in order. A pass may complete the certification rule, or renew a certification (the refresh module).
    /// </summary>
    public async Task<TestOutcome> TakeTestAsync(int supporterId, string moduleCode, IReadOnlyList<int> answers, CancellationToken ct)
    {
        var module = await db.TrainingModules.AsNoTracking().Include(m => m.Questions)
            .SingleOrDefaultAsync(m => m.Code == moduleCode && !m.IsInPerson && m.Questions.Count > 0, ct)
            ?? throw new KeyNotFoundException($"TrainingModule {moduleCode}");
        var questions = module.Questions.OrderBy(q => q.Order).ToList();
        if (answers.Count != questions.Count) throw new ArgumentException("One answer per question.", nameof(answers));

        var correct = questions.Select((q, i) => answers[i] == q.CorrectChoice).ToList();
        var score = (int)Math.Floor(100.0 * correct.Count(c => c) / questions.Count);
        var passed = score >= (module.PassMarkPercent ?? 100);
        // The attempt and the certification it completes are one unit: a pass never stands without what it earned.
        return await work.RunAsync(async unit =>
        {
            var attempt = await AddRecordAsync(supporterId, module.Id, TrainingMethod.CheckTest, score, passed, clock.GetUtcNow().UtcDateTime, ct);
            audit.Record(passed ? "training.test-passed" : "training.test-failed", nameof(Supporter), supporterId, $"module={module.Code} score={score} attempt={attempt}");
            await unit.SaveAsync(ct);
            var issued = passed ? await certification.EvaluateAsync(supporterId, ct) : null;
            return new TestOutcome(score, passed, attempt, correct, issued);
        }, ct);
    }

    /// <summary>Records that a supporter attended an in-person 研修 on <paramref name="date"/> (Japan time).</summary>
    public async Task<InPersonResult> RecordInPersonAsync(int supporterId, int moduleId, DateOnly date, CancellationToken ct)
    {
        var module = await db.TrainingModules.AsNoTracking().SingleOrDefaultAsync(m => m.Id == moduleId, ct)
            ?? throw new KeyNotFoundException($"TrainingModule {moduleId}");
        if (!await db.Supporters.AnyAsync(s => s.Id == supporterId, ct)) throw new KeyNotFoundException($"Supporter {supporterId}");
        if (!module.IsInPerson) return InPersonResult.NotInPerson;
        if (date > JapaneseTime.TodayInTokyo(clock)) return InPersonResult.FutureDate;
        if (await db.TrainingRecords.AnyAsync(r => r.SupporterId == supporterId && r.TrainingModuleId == moduleId && r.Passed, ct))
            return InPersonResult.AlreadyRecorded;

        await work.RunAsync(async unit =>
        {
            await AddRecordAsync(supporterId, moduleId, TrainingMethod.InPerson, null, true, JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(12, 0))), ct);
            audit.Record("training.attendance-recorded", nameof(Supporter), supporterId, $"module={module.Code} date={date:yyyy-MM-dd}");
            await unit.SaveAsync(ct);
            await certification.EvaluateAsync(supporterId, ct);
        }, ct);
        return InPersonResult.Recorded;
    }

    private async Task<int> AddRecordAsync(int supporterId, int moduleId, TrainingMethod method, int? score, bool passed, DateTime atUtc, CancellationToken ct)
    {
        // Attempts are numbered per supporter and module; the unique index turns a double submit into an error, not a duplicate.
        var attempt = (await db.TrainingRecords.Where(r => r.SupporterId == supporterId && r.TrainingModuleId == moduleId).MaxAsync(r => (int?)r.Attempt, ct) ?? 0) + 1;
        db.TrainingRecords.Add(new TrainingRecord
        {
            SupporterId = supporterId,
            TrainingModuleId = moduleId,
            Method = method,
            ScorePercent = score,
            Passed = passed,
            Attempt = attempt,
            CompletedAtUtc = atUtc,
        });
        return attempt;
    }
}
