using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Supporters;

/// <summary>The app with a small certification rule (2 assisted classes, Lead after 3), so each path needs few classes.</summary>
public class SmallRuleAppFactory : AppFactory
{
    public const int AssistedClasses = 2;
    public const int ClassesForLead = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Supporters:AssistedClassesForCertification", AssistedClasses.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Supporters:ClassesForLead", ClassesForLead.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Supporters built through the same services the pages call.</summary>
public static class SupporterTestData
{
    public static SupporterApplication Application(string? email = null, string name = "佐々木 ゆみ") => new(
        name, "ささき ゆみ", TestData.NextPhone(), email ?? $"{Guid.NewGuid():N}@example.jp", "中央地区", true, true,
        [new WeeklySlot(DayOfWeek.Wednesday, 9 * 60, 12 * 60)], null);

    /// <summary>A new Trainee: applied and approved.</summary>
    public static async Task<int> TraineeAsync(this AppFactory app, string name = "佐々木 ゆみ")
    {
        var id = 0;
        await app.WithScopeAsync(async s =>
        {
            var supporters = s.GetRequiredService<SupporterService>();
            var (_, applied) = await supporters.ApplyAsync(Application(name: name), default);
            id = applied!.Value;
            Assert.Equal(ApprovalResult.Approved, await supporters.ApproveAsync(id, default));
        });
        return id;
    }

    public static Task<List<int>> CorrectAnswersAsync(this AppFactory app, string moduleCode) =>
        app.WithDbAsync(db => db.TrainingQuestions.Where(q => db.TrainingModules.Any(m => m.Code == moduleCode && m.Id == q.TrainingModuleId))
            .OrderBy(q => q.Order).Select(q => q.CorrectChoice).ToListAsync());

    public static async Task<TestOutcome> TakeTestAsync(this AppFactory app, int supporterId, string moduleCode, IReadOnlyList<int> answers) =>
        await app.WithScopeAsync(s => s.GetRequiredService<TrainingService>().TakeTestAsync(supporterId, moduleCode, answers, default));

    public static async Task<TestOutcome> PassTestAsync(this AppFactory app, int supporterId, string moduleCode) =>
        await app.TakeTestAsync(supporterId, moduleCode, await app.CorrectAnswersAsync(moduleCode));

    /// <summary>Passes every required module (tests and in-person) except <paramref name="except"/>.</summary>
    public static async Task PassRequiredModulesAsync(this AppFactory app, int supporterId, string? except = null)
    {
        var modules = await app.WithDbAsync(db => db.TrainingModules.Where(m => m.IsRequired && m.Code != except).OrderBy(m => m.Order).ToListAsync());
        foreach (var module in modules)
        {
            if (module.IsInPerson)
            {
                var result = await app.WithScopeAsync(s => s.GetRequiredService<TrainingService>()
                    .RecordInPersonAsync(supporterId, module.Id, JapaneseTime.TodayInTokyo(app.Clock), default));
                Assert.Equal(InPersonResult.Recorded, result);
            }
            else
            {
                Assert.True((await app.PassTestAsync(supporterId, module.Code)).Passed);
            }
        }
    }

    /// <summary>
    /// A class with a Lead mentor of its own and <paramref name="supporterId"/> in <paramref name="role"/>, starting in an hour or
    /// a quarter of an hour after the supporter's last class ends, since no one works two classes at once (four fit in ten
    /// hours). The caller moves the clock past its end for it to count.
    /// </summary>
    public static async Task<int> ClassWithAsync(this AppFactory app, int supporterId, AssignmentRole role = AssignmentRole.Assistant)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var busyUntil = await app.WithDbAsync(db => db.Assignments
            .Where(a => a.SupporterId == supporterId && a.ClassSession.EndsAtUtc > now).MaxAsync(a => (DateTime?)a.ClassSession.EndsAtUtc));
        var session = await app.CreateSessionAsync(capacity: 8, startsIn: busyUntil is { } until ? until - now + TimeSpan.FromMinutes(15) : TimeSpan.FromHours(1));
        // A mentor of the class's own, free whatever the demo schedule holds at that hour.
        var mentor = await app.AddSupporterAsync(SupporterStatus.Lead);
        await app.WithScopeAsync(async s =>
        {
            var staffing = s.GetRequiredService<StaffingService>();
            Assert.Equal(AssignResult.Assigned, await staffing.AssignAsync(session, mentor.Id, AssignmentRole.Lecturer, default));
            Assert.Equal(AssignResult.Assigned, await staffing.AssignAsync(session, supporterId, role, default));
        });
        return session;
    }

    public static Task<SupporterStatus> StatusAsync(this AppFactory app, int supporterId) =>
        app.WithDbAsync(db => db.Supporters.Where(s => s.Id == supporterId).Select(s => s.Status).SingleAsync());

    public static Task<List<Certification>> CertificationsAsync(this AppFactory app, int supporterId) =>
        app.WithDbAsync(db => db.Certifications.AsNoTracking().Where(c => c.SupporterId == supporterId).OrderBy(c => c.Id).ToListAsync());

    public static Task<int> SweepAsync(this AppFactory app) =>
        app.WithScopeAsync(s => s.GetRequiredService<CertificationService>().SweepAsync(default));

    public static Task<List<string>> MailKindsToAsync(this AppFactory app, int supporterId) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.RelatesTo == $"supporter-{supporterId}").OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync());
}
