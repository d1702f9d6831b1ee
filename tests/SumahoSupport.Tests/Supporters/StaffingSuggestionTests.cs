using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Supporters;

/// <summary>
/// Suggestions when staffing an Android class on a Wednesday morning: free supporters with the right device and status
/// come first, fewest recent assignments first; everyone else is listed with the reason.
/// </summary>
public sealed class StaffingSuggestionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly WeeklySlot WednesdayMorning = new(DayOfWeek.Wednesday, 9 * 60, 12 * 60);
    private static readonly WeeklySlot WednesdayAfternoon = new(DayOfWeek.Wednesday, 13 * 60, 17 * 60);

    [Fact]
    public async Task Candidates_AreFreeAndSkilledFirst_FairestFirst_AndTheOthersSayWhy()
    {
        var wednesday = NextWednesday(JapaneseTime.TodayInTokyo(app.Clock).AddDays(7));
        var session = await CreateAsync("android-basics", wednesday, new TimeOnly(10, 0), venueIndex: 0);
        var overlapping = await CreateAsync("photos", wednesday, new TimeOnly(10, 30), venueIndex: 1);

        var busier = await SupporterAsync("多忙 一", WednesdayMorning);
        var fresher = await SupporterAsync("新顔 二", WednesdayMorning);
        var resting = await SupporterAsync("休日 三", WednesdayMorning);
        var afternoonOnly = await SupporterAsync("午後 四", WednesdayAfternoon);
        var iPhoneOnly = await SupporterAsync("林檎 五", WednesdayMorning, android: false);
        var elsewhere = await SupporterAsync("別件 六", WednesdayMorning);
        var trainee = await SupporterAsync("見習 七", WednesdayMorning, status: SupporterStatus.Trainee);
        var consulting = await SupporterAsync("相談 八", WednesdayMorning);
        await ConsultationAsync(consulting, JapaneseTime.ToUtc(wednesday.ToDateTime(new TimeOnly(11, 0))));
        await app.WithScopeAsync(async s =>
        {
            var staffing = s.GetRequiredService<StaffingService>();
            foreach (var days in new[] { 20, 22 })
            {
                var other = await app.CreateSessionAsync(capacity: 8, startsIn: TimeSpan.FromDays(days));
                Assert.Equal(AssignResult.Assigned, await staffing.AssignAsync(other, busier, AssignmentRole.Assistant, default));
            }
            Assert.Equal(AssignResult.Assigned, await staffing.AssignAsync(overlapping, elsewhere, AssignmentRole.Assistant, default));
            Assert.Equal(DayOffResult.Added, await s.GetRequiredService<SupporterService>().AddDayOffAsync(resting, wednesday, "通院", default));
        });

        var candidates = await app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().CandidatesAsync(session, default));

        var mine = candidates.Where(c => new[] { busier, fresher, resting, afternoonOnly, iPhoneOnly, elsewhere, trainee, consulting }.Contains(c.SupporterId)).ToList();
        Assert.Equal(
            [(fresher, SupporterConflict.None, 0), (busier, SupporterConflict.None, 2)],
            mine.Where(c => c.IsSuggested).Select(c => (c.SupporterId, c.Conflict, c.RecentAssignments)));
        var reasons = mine.Where(c => !c.IsSuggested).ToDictionary(c => c.SupporterId, c => c.Conflict);
        Assert.Equal(SupporterConflict.DayOff, reasons[resting]);
        Assert.Equal(SupporterConflict.NotUsuallyFree, reasons[afternoonOnly]);
        Assert.Equal(SupporterConflict.WrongDevice, reasons[iPhoneOnly]);
        Assert.Equal(SupporterConflict.Busy, reasons[elsewhere]);
        Assert.Equal(SupporterConflict.NeedsMentor, reasons[trainee]);
        // A consultation at 11:00 makes the supporter busy for the 10:00–12:00 class too: one calendar for both kinds of work.
        Assert.Equal(SupporterConflict.Busy, reasons[consulting]);
        // Suggestions come before everyone else, and within them the lighter load first.
        Assert.Equal(candidates.OrderBy(c => !c.IsSuggested).Select(c => c.SupporterId), candidates.Select(c => c.SupporterId));
        var suggested = candidates.Where(c => c.IsSuggested).Select(c => c.RecentAssignments).ToList();
        Assert.Equal(suggested.Order(), suggested);

        // Once a Certified supporter is on the class the Trainee is suggested too; those on it are no longer candidates.
        await app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().AssignAsync(session, fresher, AssignmentRole.Assistant, default));
        var after = await app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().CandidatesAsync(session, default));
        Assert.DoesNotContain(after, c => c.SupporterId == fresher);
        Assert.Equal(SupporterConflict.None, after.Single(c => c.SupporterId == trainee).Conflict);

        // The staffing page shows the same order, with the reason in words.
        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var page = await coordinator.GetDocumentAsync($"/Coordinator/Classes/{session}/Staff");
        var rows = page.QuerySelectorAll("#candidates tbody tr").Select(r => (Name: r.QuerySelector("th")!.TextContent, Why: r.QuerySelectorAll("td")[3].TextContent.Trim())).ToList();
        Assert.Equal(after.Select(c => c.Name), rows.Select(r => r.Name));
        Assert.Equal("休みの日", rows.Single(r => r.Name == "休日 三").Why);
        Assert.Equal("おすすめ", rows.Single(r => r.Name == "多忙 一").Why);
    }

    private Task ConsultationAsync(int supporterId, DateTime startsAtUtc) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var date = DateOnly.FromDateTime(JapaneseTime.ToTokyo(startsAtUtc));
        var schedule = new ConsultationSchedule
        {
            Mode = ConsultationMode.Phone, FirstDate = date, LastDate = date, Weekdays = ConsultationSchedule.WeekdayBits([date.DayOfWeek]),
            StartTime = TimeOnly.FromDateTime(JapaneseTime.ToTokyo(startsAtUtc)), EndTime = TimeOnly.FromDateTime(JapaneseTime.ToTokyo(startsAtUtc)).AddMinutes(30),
        };
        db.ConsultationSchedules.Add(schedule);
        db.ConsultationBookings.Add(new ConsultationBooking
        {
            Code = "TTT-TTT", ManageToken = "token-for-a-staffing-test", Schedule = schedule, StartsAtUtc = startsAtUtc, EndsAtUtc = startsAtUtc.AddMinutes(30),
            Seat = 1, SupporterId = supporterId, Topics = "line", Status = ConsultationStatus.Confirmed,
            Participant = new SumahoSupport.Core.Bookings.Participant { Name = "相談 者", Kana = "そうだん しゃ", Phone = TestData.NextPhone() },
        });
        await db.SaveChangesAsync();
    });

    private static DateOnly NextWednesday(DateOnly from) => from.AddDays(((int)DayOfWeek.Wednesday - (int)from.DayOfWeek + 7) % 7);

    private Task<int> CreateAsync(string courseCode, DateOnly date, TimeOnly start, int venueIndex) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var course = await db.Courses.Where(c => c.Code == courseCode).Select(c => c.Id).SingleAsync();
        var venue = (await db.Venues.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync())[venueIndex];
        var startsAt = JapaneseTime.ToUtc(date.ToDateTime(start));
        var result = await s.GetRequiredService<ClassScheduleService>().CreateSessionAsync(
            new SessionDraft(course, venue, startsAt, startsAt.AddHours(2), 8, 60, 0, null), default);
        return Assert.IsType<ScheduleResult.Saved>(result).Id;
    });

    private Task<int> SupporterAsync(string name, WeeklySlot free, bool android = true, SupporterStatus status = SupporterStatus.Certified) =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var supporter = new Supporter
            {
                Name = name, Kana = "てすと", Phone = TestData.NextPhone(), Status = status, KnowsAndroid = android, KnowsIPhone = !android,
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                WeeklyAvailability = [new WeeklyAvailability { Weekday = free.Weekday, StartMinute = free.StartMinute, EndMinute = free.EndMinute }],
            };
            db.Supporters.Add(supporter);
            await db.SaveChangesAsync();
            return supporter.Id;
        });
}
