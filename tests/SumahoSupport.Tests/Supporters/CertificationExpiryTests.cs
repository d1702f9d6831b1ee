using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Supporters;

/// <summary>
/// A certification over two years: renewed by the refresh module before it expires, lapsed when a year passes without
/// it (the Lead can no longer lecture), and restored to Lead by passing the refresh afterwards. Its own app, because
/// the clock moves by years.
/// </summary>
public sealed class CertificationExpiryTests(SmallRuleAppFactory app) : IClassFixture<SmallRuleAppFactory>
{
    [Fact]
    public async Task RefreshRenews_WithoutItTheCertificationLapses_AndALaterRefreshRestoresTheLevel()
    {
        var lead = await app.TraineeAsync(name: "期限 守");
        var waiting = await app.WithScopeAsync(async s => (await s.GetRequiredService<SupporterService>().ApplyAsync(SupporterTestData.Application(name: "保留 待子"), default)).SupporterId!.Value);
        await app.PassRequiredModulesAsync(lead);
        for (var i = 0; i < SmallRuleAppFactory.ClassesForLead; i++) await app.ClassWithAsync(lead);
        app.Clock.Advance(TimeSpan.FromHours(10));
        await app.SweepAsync();
        Assert.Equal(LeadGrantResult.Granted, await app.WithScopeAsync(s => s.GetRequiredService<CertificationService>().GrantLeadAsync(lead, default)));
        var progress = () => app.WithScopeAsync(s => s.GetRequiredService<CertificationService>().ProgressAsync(lead, default));

        // Ten months on: still valid, not yet in the notice window (60 days); the refresh renews it for a year from today.
        app.Clock.Advance(TimeSpan.FromDays(300));
        await app.SweepAsync();
        Assert.Equal(SupporterStatus.Lead, await app.StatusAsync(lead));
        Assert.False((await progress()).ExpiresSoon);
        var renewed = Assert.IsType<Certification>((await app.PassTestAsync(lead, "annual-refresh")).Issued);
        Assert.Equal((SupporterStatus.Lead, CertificationBasis.Renewal), (renewed.Level, renewed.Basis));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMonths(12), renewed.ExpiresAtUtc, TimeSpan.FromSeconds(1));

        // Eleven months after the renewal the supporter is told it is coming, and the coordinator sees it; a month later it
        // has lapsed. The application nobody approved is listed as stuck.
        app.Clock.Advance(TimeSpan.FromDays(335));
        Assert.True((await progress()).ExpiresSoon);
        var coordinator = app.CreateBrowserLikeClient();
        using (await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword))
        {
            var roster = await coordinator.GetDocumentAsync("/Coordinator/Supporters");
            Assert.Contains(roster.QuerySelectorAll("#expiring a"), a => a.TextContent == "期限 守");
            Assert.Contains(roster.QuerySelectorAll("#stuck a"), a => a.GetAttribute("href") == $"/Coordinator/Supporters/{waiting}");
        }
        await app.SweepAsync();
        Assert.Equal(SupporterStatus.Lead, await app.StatusAsync(lead));
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.SweepAsync();

        Assert.Equal(SupporterStatus.Trainee, await app.StatusAsync(lead));
        Assert.Contains("supporter.certification-lapsed", await app.AuditActionsForAsync(nameof(Supporter), lead.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("supporter-certification-lapsed", await app.MailKindsToAsync(lead));
        var session = await app.CreateSessionAsync(capacity: 8);
        Assert.Equal(AssignResult.LecturerMustBeLead,
            await app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().AssignAsync(session, lead, AssignmentRole.Lecturer, default)));

        // A second sweep changes nothing more.
        var mails = (await app.MailKindsToAsync(lead)).Count;
        await app.SweepAsync();
        Assert.Equal(mails, (await app.MailKindsToAsync(lead)).Count);

        var reinstated = Assert.IsType<Certification>((await app.PassTestAsync(lead, "annual-refresh")).Issued);
        Assert.Equal((SupporterStatus.Lead, CertificationBasis.Reinstatement), (reinstated.Level, reinstated.Basis));
        Assert.Equal(SupporterStatus.Lead, await app.StatusAsync(lead));
        Assert.Equal(
            [CertificationBasis.Training, CertificationBasis.LeadGrant, CertificationBasis.Renewal, CertificationBasis.Reinstatement],
            (await app.CertificationsAsync(lead)).Select(c => c.Basis));
    }
}
