using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Consultations;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Tests.Supporters;

namespace SumahoSupport.Tests.Concurrency;

/// <summary>
/// A supporter in one place at a time — a rule no unique index can hold — tried at the same moment from separate scopes
/// (separate connections and transactions). On PostgreSQL these really interleave; the guard is the supporter's lock.
/// </summary>
public sealed class SupporterRaceTests(SmallRuleAppFactory app) : IClassFixture<SmallRuleAppFactory>
{
    private const int Rounds = 8;

    [Fact]
    public async Task AClassAssignmentAndAConsultation_ForOneSupporterAtOneMoment_NeverBothLand()
    {
        var outcomes = new List<(AssignResult Assigned, ConsultationResult Consultation)>();
        for (var round = 0; round < Rounds; round++)
        {
            var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: round + 1);
            var helper = await app.AddHelperAsync($"同時 {round}", date.DayOfWeek, 9 * 60, 17 * 60);
            var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(10, 30));
            var slot = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0)));
            var session = await app.CreateSessionAsync(capacity: 8, startsIn: slot - app.Clock.GetUtcNow().UtcDateTime);

            outcomes.Add(await AtOnceAsync(
                s => s.GetRequiredService<StaffingService>().AssignAsync(session, helper, AssignmentRole.Assistant, default),
                s => BookConsultationAsync(s, schedule.Id, slot)));

            var (inClass, consulting) = await app.WithDbAsync(async db => (
                await db.Assignments.CountAsync(a => a.SupporterId == helper),
                await db.ConsultationBookings.CountAsync(b => b.SupporterId == helper && b.Status == ConsultationStatus.Confirmed)));
            Assert.Equal(1, inClass + consulting);
        }
        // Each round exactly one wins; the other is told why.
        Assert.All(outcomes, o => Assert.True(
            (o.Assigned == AssignResult.Assigned && o.Consultation is ConsultationResult.Taken)
            || (o.Assigned == AssignResult.Busy && o.Consultation is ConsultationResult.Booked), o.ToString()));
    }

    [Fact]
    public async Task MovingAClass_AndAConsultationForItsSupporterAtTheNewTime_NeverBothLand()
    {
        var outcomes = new List<(ScheduleResult Move, ConsultationResult Consultation)>();
        for (var round = 0; round < Rounds; round++)
        {
            var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: Rounds + round + 1);
            var helper = await app.AddHelperAsync($"移動 {round}", date.DayOfWeek, 9 * 60, 17 * 60);
            var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(10, 30));
            var slot = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0)));
            var afternoon = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(14, 0)));
            var session = await app.CreateSessionAsync(capacity: 8, startsIn: afternoon - app.Clock.GetUtcNow().UtcDateTime);
            Assert.Equal(AssignResult.Assigned, await app.WithScopeAsync(s =>
                s.GetRequiredService<StaffingService>().AssignAsync(session, helper, AssignmentRole.Assistant, default)));
            var draft = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session)
                .Select(s => new SessionDraft(s.CourseId, s.VenueId, slot, slot + (s.EndsAtUtc - s.StartsAtUtc), s.Capacity, 60, 0, s.Notes))
                .SingleAsync());

            outcomes.Add(await AtOnceAsync(
                s => s.GetRequiredService<ClassScheduleService>().UpdateSessionAsync(session, draft, default),
                s => BookConsultationAsync(s, schedule.Id, slot)));

            var (classAtTen, consulting) = await app.WithDbAsync(async db => (
                await db.ClassSessions.CountAsync(s => s.Id == session && s.StartsAtUtc == slot),
                await db.ConsultationBookings.CountAsync(b => b.SupporterId == helper && b.Status == ConsultationStatus.Confirmed)));
            Assert.Equal(1, classAtTen + consulting);
        }
        // Each round exactly one wins: the class keeps its time, or the consultation finds no free supporter.
        Assert.All(outcomes, o => Assert.True(
            (o.Move is ScheduleResult.Saved && o.Consultation is ConsultationResult.Taken)
            || (o.Move is ScheduleResult.Rejected && o.Consultation is ConsultationResult.Booked), o.ToString()));
    }

    /// <summary>Two writes released at the same instant, each in a scope (connection, transaction) of its own.</summary>
    private async Task<(TFirst, TSecond)> AtOnceAsync<TFirst, TSecond>(Func<IServiceProvider, Task<TFirst>> first, Func<IServiceProvider, Task<TSecond>> second)
    {
        using var start = new Barrier(2);
        var a = Task.Run(() => app.WithScopeAsync(s =>
        {
            start.SignalAndWait();
            return first(s);
        }));
        var b = Task.Run(() => app.WithScopeAsync(s =>
        {
            start.SignalAndWait();
            return second(s);
        }));
        return (await a, await b);
    }

    private static Task<ConsultationResult> BookConsultationAsync(IServiceProvider services, int scheduleId, DateTime slot) =>
        services.GetRequiredService<ConsultationService>().BookAsync(
            new ConsultationRequest(scheduleId, slot, TestData.Resident(), ["line"], null), BookingChannel.Phone, default);

}

/// <summary>
/// The certification rule decided by several callers at the same moment — every instance's minute loop, coordinators
/// pressing the same button — from separate scopes. Its own app: the supporter race above rests every supporter.
/// </summary>
public sealed class CertificationRaceTests(SmallRuleAppFactory app) : IClassFixture<SmallRuleAppFactory>
{
    private const int Callers = 8;

    [Fact]
    public async Task EveryInstancesMinuteLoopAtOnce_CertifiesATraineeOnce_AndMailsThemOnce()
    {
        var trainee = await app.TraineeAsync(name: "同時 認定");
        await app.PassRequiredModulesAsync(trainee);
        for (var i = 0; i < SmallRuleAppFactory.AssistedClasses; i++) await app.ClassWithAsync(trainee);
        app.Clock.Advance(TimeSpan.FromHours(10));

        using var start = new Barrier(Callers);
        var sweeps = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => app.WithScopeAsync(s =>
        {
            start.SignalAndWait();
            return s.GetRequiredService<CertificationService>().SweepAsync(default);
        }))).ToList();
        await Task.WhenAll(sweeps);

        Assert.Equal(SupporterStatus.Certified, await app.StatusAsync(trainee));
        Assert.Single(await app.CertificationsAsync(trainee));
        var email = await app.WithDbAsync(db => db.Supporters.Where(s => s.Id == trainee).Select(s => s.Email).SingleAsync());
        var mails = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.Kind).ToListAsync());
        Assert.Single(mails, kind => kind == "supporter-certified");
    }

    [Fact]
    public async Task CoordinatorsGrantingLeadAtOnce_GrantItOnce()
    {
        var supporter = await app.TraineeAsync(name: "同時 講師");
        await app.PassRequiredModulesAsync(supporter);
        for (var i = 0; i < SmallRuleAppFactory.ClassesForLead; i++) await app.ClassWithAsync(supporter);
        app.Clock.Advance(TimeSpan.FromHours(10));
        await app.SweepAsync();
        Assert.Equal(SupporterStatus.Certified, await app.StatusAsync(supporter));

        using var start = new Barrier(Callers);
        var grants = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(() => app.WithScopeAsync(s =>
        {
            start.SignalAndWait();
            return s.GetRequiredService<CertificationService>().GrantLeadAsync(supporter, default);
        }))));

        Assert.Single(grants, g => g == LeadGrantResult.Granted);
        Assert.All(grants.Where(g => g != LeadGrantResult.Granted), g => Assert.Equal(LeadGrantResult.NotCertified, g));
        Assert.Single(await app.CertificationsAsync(supporter), c => c.Basis == CertificationBasis.LeadGrant);
    }
}
