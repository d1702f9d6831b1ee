using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using static SumahoSupport.Core.Seeding.SeedFiles;

namespace SumahoSupport.Core.Seeding;

/// <summary>
/// Loads <c>seed/</c> at start. The catalogue (courses, training modules) is reference data every city needs and is
/// always loaded; venues, classes, supporters and accounts are demo data, loaded only with <c>Seed:Demo</c>.
/// Every step adds only what is missing, so a restart never duplicates or overwrites a city's edits.
/// </summary>
public sealed class SeedLoader(
    AppDbContext db,
    StaffAccountService accounts,
    BookingService bookings,
    StaffingService staffing,
    ConsultationService consultations,
    UserManager<AppUser> users,
    TimeProvider clock,
    IOptions<SeedOptions> options,
    ILogger<SeedLoader> logger)
{
    private string Directory => options.Value.ResolveDirectory();

    public async Task SeedAsync(CancellationToken ct)
    {
        // Instances started together on one server database would each find a course missing and each add it.
        await using var seeding = await db.Database.HoldAsync("seed", ct);
        await accounts.EnsureRolesAsync();
        await SeedSurveyTemplatesAsync(ct);
        await SeedCoursesAsync(ct);
        await SeedTrainingModulesAsync(ct);
        if (options.Value.Demo) await SeedDemoAsync(ct);
    }

    /// <summary>Adds templates the database does not have yet; edited ones are left as the coordinators made them.</summary>
    private async Task SeedSurveyTemplatesAsync(CancellationToken ct)
    {
        var known = await db.SurveyTemplates.Select(t => t.Code).ToHashSetAsync(ct);
        // The seed file has the template's own shape, so it is read straight into it.
        foreach (var template in Read<List<Surveys.SurveyTemplate>>(Directory, "survey-templates.json").Where(t => !known.Contains(t.Code)))
        {
            template.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            db.SurveyTemplates.Add(template);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedCoursesAsync(CancellationToken ct)
    {
        var known = await db.Courses.Select(c => c.Code).ToHashSetAsync(ct);
        foreach (var seed in Read<List<CourseSeed>>(Directory, "courses.json").Where(c => !known.Contains(c.Code)))
        {
            db.Courses.Add(new Course
            {
                Code = seed.Code,
                Title = seed.Title,
                Summary = seed.Summary,
                Topic = seed.Topic,
                Level = seed.Level,
                TargetOs = seed.TargetOs,
                DurationMinutes = seed.DurationMinutes,
                DefaultCapacity = seed.DefaultCapacity,
                ThingsToBring = seed.ThingsToBring,
                TitleEn = seed.TitleEn,
                SummaryEn = seed.SummaryEn,
                ThingsToBringEn = seed.ThingsToBringEn,
                LearningGoals = seed.LearningGoals.Select((text, i) => new LearningGoal { Order = i + 1, Text = text }).ToList(),
                AsksCanDoBefore = seed.AsksCanDoBefore,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds missing modules, and the seeded check test to any module that has no questions yet.</summary>
    private async Task SeedTrainingModulesAsync(CancellationToken ct)
    {
        var known = await db.TrainingModules.Include(m => m.Questions).ToDictionaryAsync(m => m.Code, ct);
        foreach (var seed in Read<List<TrainingModuleSeed>>(Directory, "training-modules.json"))
        {
            if (!known.TryGetValue(seed.Code, out var module))
            {
                module = new TrainingModule
                {
                    Code = seed.Code,
                    Title = seed.Title,
                    Summary = seed.Summary,
                    Minutes = seed.Minutes,
                    PassMarkPercent = seed.PassMarkPercent,
                    IsRequired = seed.IsRequired,
                    IsInPerson = seed.IsInPerson,
                    Order = seed.Order,
                };
                db.TrainingModules.Add(module);
            }
            if (module.Questions.Count > 0) continue;
            foreach (var (question, i) in (seed.Questions ?? []).Select((q, i) => (q, i)))
            {
                if (question.Correct < 0 || question.Correct >= question.Choices.Count || question.Choices.Any(c => c.Contains('\n', StringComparison.Ordinal)))
                    throw new InvalidDataException($"training-modules.json {seed.Code} 問{i + 1}: 正解の番号か選択肢が正しくありません。");
                module.Questions.Add(new TrainingQuestion
                {
                    Order = i + 1,
                    Text = question.Text,
                    ChoicesText = string.Join('\n', question.Choices),
                    CorrectChoice = question.Correct,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedDemoAsync(CancellationToken ct)
    {
        await SeedVenuesAsync(ct);
        var demo = Read<DemoSeed>(Directory, "demo.json");
        foreach (var account in demo.Accounts)
        {
            var created = await accounts.CreateAsync(account.Email, account.DisplayName, account.Role, account.Password);
            if (!created.Succeeded && await users.FindByEmailAsync(account.Email) is null)
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", created.Errors)}");
        }
        await SeedSupportersAsync(demo.Supporters, ct);
        if (await SeedClassSessionsAsync(demo, ct))
        {
            await SeedStaffingAsync(demo, ct);
            await SeedBookingsAsync(demo, ct);
            if (options.Value.DemoActivity)
            {
                await SeedConsultationDaysAsync(ct);
                await SeedPastTermAsync(demo, ct);
            }
        }
    }

    /// <summary>Consultation days for the coming weeks: two afternoons a week at the first venue, and one morning by phone.</summary>
    private async Task SeedConsultationDaysAsync(CancellationToken ct)
    {
        var venue = await db.Venues.OrderBy(v => v.Name).Select(v => v.Id).FirstAsync(ct);
        var tomorrow = JapaneseTime.TodayInTokyo(clock).AddDays(1);
        var last = tomorrow.AddDays(7 * 8);
        foreach (var draft in new[]
        {
            new ConsultationScheduleDraft(ConsultationMode.AtVenue, venue, tomorrow, last, [DayOfWeek.Tuesday, DayOfWeek.Thursday], null, new TimeOnly(13, 0), new TimeOnly(16, 0)),
            new ConsultationScheduleDraft(ConsultationMode.Phone, null, tomorrow, last, [DayOfWeek.Wednesday], null, new TimeOnly(10, 0), new TimeOnly(12, 0)),
        })
        {
            if (await consultations.AddScheduleAsync(draft, ct) is not DraftResult.Saved)
                throw new InvalidDataException($"Demo consultation days ({draft.Mode}) were refused.");
        }
    }

    /// <summary>The past term of <see cref="DemoPastTerm"/>, saved in one go.</summary>
    private async Task SeedPastTermAsync(DemoSeed demo, CancellationToken ct)
    {
        var helpers = await db.Supporters.Where(s => s.Status == SupporterStatus.Certified || s.Status == SupporterStatus.Lead).OrderBy(s => s.Id).ToListAsync(ct);
        DemoPastTerm.Add(db, demo, await db.Courses.ToDictionaryAsync(c => c.Code, ct), await db.Venues.ToDictionaryAsync(v => v.Name, ct),
            helpers, JapaneseTime.TodayInTokyo(clock), clock.GetUtcNow().UtcDateTime);
        var added = await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded a demo past term ({Count} rows).", added);
    }

    private async Task SeedVenuesAsync(CancellationToken ct)
    {
        var known = await db.Venues.Select(v => v.Name).ToHashSetAsync(ct);
        foreach (var seed in Read<List<VenueSeed>>(Directory, "venues.json").Where(v => !known.Contains(v.Name)))
        {
            db.Venues.Add(new Venue
            {
                Name = seed.Name,
                Address = seed.Address,
                Access = seed.Access,
                Area = seed.Area,
                NameEn = seed.NameEn,
                AccessEn = seed.AccessEn,
                BarrierFreeNotes = seed.BarrierFreeNotes,
                Phone = seed.Phone,
                LoanerDevices = seed.LoanerDevices,
                HasWifi = seed.HasWifi,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedSupportersAsync(IReadOnlyList<SupporterSeed> seeds, CancellationToken ct)
    {
        var known = await db.Supporters.Select(s => s.Phone).ToHashSetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // A certified demo supporter has passed every required module before their certification, as the rule asks of
        // anyone else (CertificationService): the training page must not say 「未受講」 beside 「認定」.
        var required = await db.TrainingModules.Where(m => m.IsRequired).Select(m => new { m.Id, m.IsInPerson }).ToListAsync(ct);
        foreach (var seed in seeds)
        {
            var certified = seed.Status is SupporterStatus.Certified or SupporterStatus.Lead;
            var phone = PhoneNumber.Normalize(seed.Phone) ?? throw new InvalidDataException($"Demo supporter {seed.Name}: bad phone.");
            if (known.Contains(phone)) continue;
            var user = seed.AccountEmail is null ? null : await users.FindByEmailAsync(seed.AccountEmail);
            db.Supporters.Add(new Supporter
            {
                Name = seed.Name,
                Kana = seed.Kana,
                Phone = phone,
                Email = seed.Email,
                Area = seed.Area,
                Status = seed.Status,
                KnowsAndroid = seed.KnowsAndroid,
                KnowsIPhone = seed.KnowsIPhone,
                UserId = user?.Id,
                CertifiedAtUtc = certified ? now.AddMonths(-6) : null,
                TrainingRecords = certified
                    ? [.. required.Select(m => new TrainingRecord
                    {
                        TrainingModuleId = m.Id,
                        Method = m.IsInPerson ? TrainingMethod.InPerson : TrainingMethod.CheckTest,
                        ScorePercent = m.IsInPerson ? null : 100,
                        Passed = true,
                        Attempt = 1,
                        CompletedAtUtc = now.AddMonths(-7),
                    })]
                    : [],
                CreatedAtUtc = now,
                // Demo supporters help on weekday daytimes, so the staffing page has suggestions to show.
                WeeklyAvailability = [.. Enumerable.Range(1, 5).Select(day => new WeeklyAvailability
                {
                    Weekday = (DayOfWeek)day, StartMinute = DayPart.All[0].StartMinute, EndMinute = DayPart.All[1].EndMinute,
                })],
                Certifications = certified
                    ? [new Certification
                    {
                        Level = seed.Status,
                        Basis = seed.Status == SupporterStatus.Lead ? CertificationBasis.LeadGrant : CertificationBasis.Training,
                        IssuedAtUtc = now.AddMonths(-6),
                        ExpiresAtUtc = now.AddMonths(6),
                        PublicId = Certification.NewPublicId(),
                    }]
                    : [],
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Demo classes over the next weeks, starting tomorrow; only into an empty schedule. True when it added them.</summary>
    private async Task<bool> SeedClassSessionsAsync(DemoSeed demo, CancellationToken ct)
    {
        if (await db.ClassSessions.AnyAsync(ct)) return false;
        var courses = await db.Courses.ToDictionaryAsync(c => c.Code, ct);
        var venues = await db.Venues.ToDictionaryAsync(v => v.Name, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var firstDay = JapaneseTime.TodayInTokyo(clock).AddDays(1);

        foreach (var slot in demo.Schedule)
        {
            var course = courses[slot.Course];
            var venue = venues[slot.Venue];
            var firstDate = firstDay.AddDays(((int)slot.Weekday - (int)firstDay.DayOfWeek + 7) % 7);
            for (var week = slot.OffsetWeeks; week < demo.Weeks; week += slot.EveryWeeks)
            {
                var startsAt = JapaneseTime.ToUtc(firstDate.AddDays(7 * week).ToDateTime(slot.Start));
                var capacity = slot.Capacity ?? course.DefaultCapacity;
                db.ClassSessions.Add(new ClassSession
                {
                    Course = course,
                    Venue = venue,
                    StartsAtUtc = startsAt,
                    EndsAtUtc = startsAt.AddMinutes(course.DurationMinutes),
                    BookingClosesAtUtc = startsAt.AddHours(-1),
                    Capacity = capacity,
                    LoanerDevices = Math.Min(venue.LoanerDevices, capacity),
                    Notes = course.ThingsToBring,
                    CreatedAtUtc = now,
                });
            }
        }
        var added = await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} demo class sessions.", added);
        return true;
    }

    /// <summary>A Lead as 講師 and a Certified supporter as 補助 on the first weeks' classes; later weeks are left to staff.</summary>
    private async Task SeedStaffingAsync(DemoSeed demo, CancellationToken ct)
    {
        var leads = await db.Supporters.Where(s => s.Status == SupporterStatus.Lead).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var certified = await db.Supporters.Where(s => s.Status == SupporterStatus.Certified).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        if (leads.Count == 0 || certified.Count == 0) return;
        var until = clock.GetUtcNow().UtcDateTime.AddDays(7 * demo.StaffedWeeks);
        var sessions = await db.ClassSessions.Where(s => s.StartsAtUtc < until).OrderBy(s => s.StartsAtUtc).Select(s => s.Id).ToListAsync(ct);
        for (var i = 0; i < sessions.Count; i++)
        {
            await staffing.AssignAsync(sessions[i], leads[i % leads.Count], AssignmentRole.Lecturer, ct);
            await staffing.AssignAsync(sessions[i], certified[i % certified.Count], AssignmentRole.Assistant, ct);
        }
    }

    /// <summary>Demo residents booked through the booking service, so seats, waiting list and audit are as in use.</summary>
    private async Task SeedBookingsAsync(DemoSeed demo, CancellationToken ct)
    {
        foreach (var plan in demo.Bookings)
        {
            var session = await db.ClassSessions
                .Where(s => s.Course.Code == plan.Session.Course)
                .OrderBy(s => s.StartsAtUtc)
                .Skip(plan.Session.Occurrence)
                .Select(s => s.Id)
                .FirstAsync(ct);
            foreach (var resident in demo.Residents.Take(plan.Residents))
            {
                var request = new BookingRequest(resident.Name, resident.Kana,
                    PhoneNumber.Normalize(resident.Phone) ?? throw new InvalidDataException($"Demo resident {resident.Name}: bad phone."),
                    resident.Email, resident.AgeBand, resident.Device, resident.Needs,
                    resident.Email is null ? BookingChannel.Phone : BookingChannel.Web);
                await bookings.BookAsync(session, request, resident.Email is null ? BookingKind.Proxy : BookingKind.Resident, ct);
            }
        }
    }
}
