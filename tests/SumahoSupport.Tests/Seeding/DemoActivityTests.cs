using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Seeding;

/// <summary>A newcomer's first start in Development shows every page at work: past classes with answers, consultation days ahead.</summary>
public sealed class DemoActivityTests : IAsyncDisposable
{
    private readonly ConfiguredAppFactory app = new("Development", new Dictionary<string, string> { ["Seed:DemoActivity"] = "true" });

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task TheDashboardShowsARate_WithOneCourseBelowTheGoal_AndAFollowUpWaiting()
    {
        // The past term ends yesterday, so its fiscal year is that of its latest answer (a term may span 1 April).
        var latest = await app.WithDbAsync(db => db.SurveyResponses.MaxAsync(r => r.CreatedAtUtc));
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

        var dashboard = await coordinator.GetDocumentAsync($"/Coordinator/Dashboard?fy={FiscalYear.OfUtc(latest).ToString(CultureInfo.InvariantCulture)}");

        Assert.Matches(@"^\d+(\.\d)?%$", dashboard.QuerySelector("strong#rate-value")!.TextContent.Trim());
        var rates = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.Understanding != null)
            .GroupBy(r => r.ClassSession.Course.Code)
            .Select(g => new { Course = g.Key, Understood = g.Count(r => r.Understanding == Understanding.WellUnderstood || r.Understanding == Understanding.MostlyUnderstood), All = g.Count() })
            .ToListAsync());
        Assert.Contains(rates, r => r.Understood < 0.9 * r.All);
        Assert.Contains(rates, r => r.Understood >= 0.9 * r.All);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyFollowUps.CountAsync(f => f.Status == FollowUpStatus.Open)));
        Assert.True(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.Status == BookingStatus.NoShow)));
    }

    [Fact]
    public async Task ConsultationsOfferTimes_AndHeldOnesHaveTheirRecords()
    {
        var resident = app.CreateBrowserLikeClient();
        var places = await resident.GetDocumentAsync("/Consultations");
        var place = places.QuerySelector("input[name=Place]")!.GetAttribute("value");

        var times = await resident.GetDocumentAsync($"/Consultations?Place={place}&Device=Android");

        Assert.NotEmpty(times.QuerySelectorAll(".time-list a"));
        var logs = await app.WithDbAsync(db => db.SupportLogs.Include(l => l.Booking).ToListAsync());
        Assert.NotEmpty(logs);
        Assert.All(logs, l => Assert.Equal(ConsultationStatus.Attended, l.Booking!.Status));
        Assert.Contains(logs, l => l.FollowUpNeeded);
        // Held in the past; nothing seeded is left waiting for a reminder or a survey request.
        Assert.All(logs, l => Assert.True(l.HeldAtUtc < app.Clock.GetUtcNow().UtcDateTime));
        Assert.False(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.Status == BookingStatus.Attended && b.SurveyRequestedAtUtc == null)));
    }
}
