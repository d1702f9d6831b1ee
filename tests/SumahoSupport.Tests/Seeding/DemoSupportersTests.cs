using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Seeding;

/// <summary>The demo's supporters obey the certification rule: a 認定 or 講師（リーダー） has passed every required module.</summary>
public sealed class DemoSupportersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EveryCertifiedDemoSupporter_PassedEveryRequiredModule_AndTheTrainingPageSaysSo()
    {
        var required = await app.WithDbAsync(db => db.TrainingModules.Where(m => m.IsRequired).Select(m => m.Id).OrderBy(id => id).ToListAsync());
        var certified = await app.WithDbAsync(db => db.Supporters.AsNoTracking()
            .Where(s => s.Status == SupporterStatus.Certified || s.Status == SupporterStatus.Lead)
            .Include(s => s.TrainingRecords).ToListAsync());
        Assert.NotEmpty(certified);
        Assert.All(certified, s => Assert.Equal(required, s.TrainingRecords.Where(r => r.Passed).Select(r => r.TrainingModuleId).Distinct().Order()));

        var supporter = await app.SignedInClientAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        var training = await supporter.GetDocumentAsync("/Supporter/Training");
        var requiredRows = training.QuerySelectorAll("main tbody tr").Where(r => r.TextContent.Contains("必修", StringComparison.Ordinal)).ToList();
        Assert.Equal(required.Count, requiredRows.Count);
        Assert.All(requiredRows, r => Assert.NotNull(r.QuerySelector(".badge-open")));
    }
}
