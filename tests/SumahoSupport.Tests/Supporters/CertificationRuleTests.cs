using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Supporters;

/// <summary>
/// The certification rule with a small setting (2 assisted classes, Lead after 3 worked classes): each path that leads to
/// — or stops short of — Certified and Lead, through the services the pages and the minute loop call.
/// </summary>
public sealed class CertificationRuleTests(SmallRuleAppFactory app) : IClassFixture<SmallRuleAppFactory>
{
    private static readonly TimeSpan AfterTheClass = TimeSpan.FromHours(10);

    [Fact]
    public async Task AMissingModule_KeepsATrainee_EvenWithEnoughClasses_AndPassingItCertifiesAtOnce()
    {
        var trainee = await app.TraineeAsync();
        await app.PassRequiredModulesAsync(trainee, except: "privacy");
        await app.ClassWithAsync(trainee);
        await app.ClassWithAsync(trainee);
        app.Clock.Advance(AfterTheClass);

        await app.SweepAsync();
        Assert.Equal(SupporterStatus.Trainee, await app.StatusAsync(trainee));
        Assert.Empty(await app.CertificationsAsync(trainee));

        var outcome = await app.PassTestAsync(trainee, "privacy");

        Assert.True(outcome.Passed);
        var issued = Assert.IsType<Certification>(outcome.Issued);
        Assert.Equal(SupporterStatus.Certified, await app.StatusAsync(trainee));
        var certification = Assert.Single(await app.CertificationsAsync(trainee));
        Assert.Equal((SupporterStatus.Certified, CertificationBasis.Training, issued.PublicId), (certification.Level, certification.Basis, certification.PublicId));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMonths(12), certification.ExpiresAtUtc, TimeSpan.FromSeconds(1));
        Assert.Contains("supporter.certified", await app.AuditActionsForAsync(nameof(Supporter), trainee.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["supporter-approved", "supporter-certified"], await app.MailKindsToAsync(trainee));
        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RelatesTo == $"supporter-{trainee}" && m.Kind == "supporter-certified"));
        Assert.Contains($"/Certificates/{issued.PublicId}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Badges/{issued.PublicId}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedTest_IsRecorded_AndARetryThatPasses_IsKeptBesideIt()
    {
        var trainee = await app.TraineeAsync();
        var right = await app.CorrectAnswersAsync("line");
        Assert.Equal(3, right.Count);
        var oneWrong = right.Select((answer, i) => i == 0 ? (answer + 1) % 3 : answer).ToList();

        var failed = await app.TakeTestAsync(trainee, "line", oneWrong);
        var passed = await app.TakeTestAsync(trainee, "line", right);

        // 2 of 3 is 66 points, under the module's pass mark of 80.
        Assert.Equal((66, false, 1), (failed.ScorePercent, failed.Passed, failed.Attempt));
        Assert.Equal([false, true, true], failed.Correct);
        Assert.Equal((100, true, 2), (passed.ScorePercent, passed.Passed, passed.Attempt));
        var records = await app.WithDbAsync(db => db.TrainingRecords.AsNoTracking()
            .Where(r => r.SupporterId == trainee).OrderBy(r => r.Attempt).Select(r => new { r.Attempt, r.Passed, r.ScorePercent, r.Method }).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(TrainingMethod.CheckTest, r.Method));
        Assert.Equal([(1, false, 66), (2, true, 100)], records.Select(r => (r.Attempt, r.Passed, r.ScorePercent ?? -1)));
        var audit = await app.AuditActionsForAsync(nameof(Supporter), trainee.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["training.test-failed", "training.test-passed"], audit.Where(a => a.StartsWith("training.", StringComparison.Ordinal)));
        Assert.Null(passed.Issued);
    }

    [Fact]
    public async Task WithEveryModulePassed_ATraineeWaitsForAssistedClassesToEnd_AndAClassMarkedAbsentDoesNotCount()
    {
        var trainee = await app.TraineeAsync();
        await app.PassRequiredModulesAsync(trainee);
        var worked = await app.ClassWithAsync(trainee);
        var missed = await app.ClassWithAsync(trainee);

        // Both classes are still ahead: nothing has been assisted yet.
        await app.SweepAsync();
        Assert.Equal(SupporterStatus.Trainee, await app.StatusAsync(trainee));

        app.Clock.Advance(AfterTheClass);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().SetAbsentAsync(missed, trainee, true, default)));
        await app.SweepAsync();
        Assert.Equal(SupporterStatus.Trainee, await app.StatusAsync(trainee));
        var progress = await app.WithScopeAsync(s => s.GetRequiredService<CertificationService>().ProgressAsync(trainee, default));
        Assert.Equal((true, 1, 2), (progress.ModulesDone, progress.AssistedClasses, progress.AssistedClassesNeeded));

        await app.ClassWithAsync(trainee);
        app.Clock.Advance(AfterTheClass);
        Assert.True(await app.SweepAsync() >= 1);

        Assert.Equal(SupporterStatus.Certified, await app.StatusAsync(trainee));
        Assert.Equal(CertificationBasis.Training, Assert.Single(await app.CertificationsAsync(trainee)).Basis);
        Assert.NotEqual(worked, missed);
    }

    [Fact]
    public async Task Lead_IsGrantedOnlyToTheCertified_WithEnoughClasses_AndOnlyALeadMayLecture()
    {
        var supporter = await app.TraineeAsync();
        var grant = (int id) => app.WithScopeAsync(s => s.GetRequiredService<CertificationService>().GrantLeadAsync(id, default));
        var assign = (int session, int id, AssignmentRole role) => app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().AssignAsync(session, id, role, default));
        Assert.Equal(LeadGrantResult.NotCertified, await grant(supporter));

        await app.PassRequiredModulesAsync(supporter);
        await app.ClassWithAsync(supporter);
        await app.ClassWithAsync(supporter);
        app.Clock.Advance(AfterTheClass);
        await app.SweepAsync();
        Assert.Equal(SupporterStatus.Certified, await app.StatusAsync(supporter));

        var later = await app.CreateSessionAsync(capacity: 8);
        Assert.Equal(AssignResult.LecturerMustBeLead, await assign(later, supporter, AssignmentRole.Lecturer));
        Assert.Equal(LeadGrantResult.NotEnoughClasses, await grant(supporter));

        await app.ClassWithAsync(supporter);
        app.Clock.Advance(AfterTheClass);
        Assert.Equal(LeadGrantResult.Granted, await grant(supporter));

        Assert.Equal(SupporterStatus.Lead, await app.StatusAsync(supporter));
        var certifications = await app.CertificationsAsync(supporter);
        Assert.Equal([CertificationBasis.Training, CertificationBasis.LeadGrant], certifications.Select(c => c.Basis));
        // Lead stands on the certification: it lapses with it rather than starting a new year.
        Assert.Equal(certifications[0].ExpiresAtUtc, certifications[1].ExpiresAtUtc);
        Assert.Equal(AssignResult.Assigned, await assign(later, supporter, AssignmentRole.Lecturer));
        Assert.Contains("supporter.lead-granted", await app.AuditActionsForAsync(nameof(Supporter), supporter.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
