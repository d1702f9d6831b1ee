using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using static SumahoSupport.Core.Seeding.SeedFiles;

namespace SumahoSupport.Core.Seeding;

/// <summary>
/// Development's first start shows every page at work, not empty: a past term of held classes with attendance and
/// comprehension answers (one course below the 90% goal, one resident waiting for a follow-up), and held consultations
/// with their 相談記録. Only adds entities to <see cref="AppDbContext"/>; <see cref="SeedLoader"/> saves them. The numbers
/// come from a fixed seed, so every newcomer sees the same dashboard.
/// </summary>
public static class DemoPastTerm
{
    public const int Weeks = 6;

    /// <summary>The course whose residents understood less than the goal, so the dashboard shows one that needs attention.</summary>
    public const string HardCourse = "mynaportal";

    private static readonly (string Name, string Kana)[] FamilyNames =
    [
        ("伊藤", "いとう"), ("渡辺", "わたなべ"), ("山本", "やまもと"), ("中村", "なかむら"), ("小林", "こばやし"),
        ("加藤", "かとう"), ("吉田", "よしだ"), ("山口", "やまぐち"), ("松本", "まつもと"), ("井上", "いのうえ"),
    ];

    private static readonly (string Name, string Kana)[] GivenNames =
    [
        ("和夫", "かずお"), ("幸子", "さちこ"), ("清", "きよし"), ("節子", "せつこ"), ("博", "ひろし"), ("京子", "きょうこ"),
    ];

    public static void Add(AppDbContext db, DemoSeed demo, IReadOnlyDictionary<string, Course> courses, IReadOnlyDictionary<string, Venue> venues,
        IReadOnlyList<Supporter> helpers, DateOnly today, DateTime nowUtc)
    {
        var random = new Random(2026);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        string NewCode()
        {
            while (true)
            {
                var code = BookingSecrets.NewCode();
                if (codes.Add(code)) return code;
            }
        }

        var residents = Residents(nowUtc.AddDays(-7 * Weeks - 14));
        db.Participants.AddRange(residents);

        var firstFollowUpGiven = false;
        var sessionIndex = 0;
        foreach (var slot in demo.Schedule)
        {
            var course = courses[slot.Course];
            var venue = venues[slot.Venue];
            for (var week = 1; week <= Weeks; week++)
            {
                var date = DaysBefore(today, slot.Weekday, week);
                var startsAt = JapaneseTime.ToUtc(date.ToDateTime(slot.Start));
                var session = new ClassSession
                {
                    Course = course, Venue = venue, StartsAtUtc = startsAt, EndsAtUtc = startsAt.AddMinutes(course.DurationMinutes),
                    BookingClosesAtUtc = startsAt.AddHours(-1), Capacity = slot.Capacity ?? course.DefaultCapacity,
                    LoanerDevices = Math.Min(venue.LoanerDevices, slot.Capacity ?? course.DefaultCapacity), Notes = course.ThingsToBring,
                    CreatedAtUtc = startsAt.AddDays(-30),
                };
                db.ClassSessions.Add(session);
                var attendees = random.Next(3, Math.Min(session.Capacity, 9));
                for (var i = 0; i < attendees; i++)
                {
                    var resident = residents[(sessionIndex * 3 + i) % residents.Count];
                    // One in eight does not come: the roster and the no-show rate have something to show.
                    var status = random.Next(8) == 0 ? BookingStatus.NoShow : BookingStatus.Attended;
                    var booking = new Booking
                    {
                        Code = NewCode(), ManageToken = BookingSecrets.NewSecretToken(), SurveyToken = BookingSecrets.NewSecretToken(),
                        ClassSession = session, Participant = resident, PhoneKey = resident.Phone, Status = status,
                        Channel = resident.Email is null ? BookingChannel.Phone : BookingChannel.Web,
                        NeedsLoanerDevice = resident.Device == DeviceType.None,
                        CreatedAtUtc = startsAt.AddDays(-10), StatusChangedAtUtc = session.EndsAtUtc,
                        RemindedAtUtc = startsAt.AddDays(-1), SurveyRequestedAtUtc = session.EndsAtUtc,
                    };
                    session.Bookings.Add(booking);
                    session.Confirmed++;
                    if (status != BookingStatus.Attended || random.Next(5) == 0) continue; // not everyone answers

                    var understood = random.NextDouble() < (course.Code == HardCourse ? 0.72 : 0.95);
                    var response = new SurveyResponse
                    {
                        ClassSession = session, Channel = SurveyChannel.Paper, ParticipantId = null, AgeBand = resident.AgeBand, Device = resident.Device,
                        Understanding = understood ? (random.Next(2) == 0 ? Understanding.WellUnderstood : Understanding.MostlyUnderstood) : Understanding.NotReallyUnderstood,
                        Satisfaction = understood ? random.Next(4, 6) : 3, HasSomeoneToAsk = random.Next(3) != 0,
                        WantsFollowUp = !understood && !firstFollowUpGiven,
                        CreatedAtUtc = session.EndsAtUtc, UpdatedAtUtc = session.EndsAtUtc,
                    };
                    db.SurveyResponses.Add(response);
                    if (response.WantsFollowUp == true)
                    {
                        firstFollowUpGiven = true;
                        db.SurveyFollowUps.Add(new SurveyFollowUp
                        {
                            SurveyResponse = response, Booking = booking, Status = FollowUpStatus.Open,
                            CreatedAtUtc = session.EndsAtUtc, StatusChangedAtUtc = session.EndsAtUtc,
                        });
                    }
                }
                sessionIndex++;
            }
        }
        AddHeldConsultations(db, venues.Values.OrderBy(v => v.Name, StringComparer.Ordinal).First(), helpers, residents, today, NewCode);
    }

    /// <summary>The <paramref name="weeksBack"/>-th <paramref name="weekday"/> before today (1 = the latest, never today).</summary>
    private static DateOnly DaysBefore(DateOnly today, DayOfWeek weekday, int weeksBack)
    {
        var latest = ((int)today.DayOfWeek - (int)weekday + 7) % 7;
        return today.AddDays(-(latest == 0 ? 7 : latest) - 7 * (weeksBack - 1));
    }

    /// <summary>Thirty residents with no e-mail and a few with, as a city's list of participants looks.</summary>
    private static List<Participant> Residents(DateTime createdAtUtc) =>
    [
        .. Enumerable.Range(0, FamilyNames.Length * 3).Select(n => (n, family: FamilyNames[n / 3], given: GivenNames[n % GivenNames.Length]))
            .Select(p => new Participant
            {
                Name = $"{p.family.Name} {p.given.Name}",
                Kana = $"{p.family.Kana} {p.given.Kana}",
                Phone = $"0902000{p.n:D4}",
                Email = p.n % 4 == 0 ? $"demo{p.n:D2}@example.jp" : null,
                AgeBand = (AgeBand)(2 + p.n % 4),
                Device = (DeviceType)(p.n % 3),
                // Reached as a city's residents are: by mail, a text, LINE (linked), or only by a coordinator's call. Texts and
                // LINE go out only where the city switched them on; until then those residents are on the call list too.
                ContactPreference = (p.n % 4) switch { 0 => ContactPreference.Email, 1 => ContactPreference.Sms, 2 => ContactPreference.Line, _ => ContactPreference.Phone },
                LineUserId = p.n % 4 == 2 ? $"U{p.n:D32}" : null,
                CreatedAtUtc = createdAtUtc,
            }),
    ];

    /// <summary>Tuesday afternoons at the first venue over the past term, each with its supporter's 相談記録.</summary>
    private static void AddHeldConsultations(AppDbContext db, Venue venue, IReadOnlyList<Supporter> helpers, IReadOnlyList<Participant> residents,
        DateOnly today, Func<string> newCode)
    {
        if (helpers.Count == 0) return;
        var first = today.AddDays(-7 * Weeks);
        var schedule = new ConsultationSchedule
        {
            Mode = ConsultationMode.AtVenue, Venue = venue, FirstDate = first, LastDate = today.AddDays(-1),
            Weekdays = ConsultationSchedule.WeekdayBits([DayOfWeek.Tuesday]), StartTime = new TimeOnly(13, 0), EndTime = new TimeOnly(15, 0),
            CreatedAtUtc = JapaneseTime.ToUtc(first.AddDays(-14).ToDateTime(TimeOnly.MinValue)),
        };
        db.ConsultationSchedules.Add(schedule);
        string[][] topics = [["line"], ["photos", "settings"], ["scam"], ["mynaportal"], ["payment"], ["line", "photos"]];
        for (var week = 1; week <= Weeks; week++)
        {
            var date = DaysBefore(today, DayOfWeek.Tuesday, week);
            var startsAt = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(13, 30)));
            var resident = residents[(week * 5) % residents.Count];
            var helper = helpers[week % helpers.Count];
            var booking = new ConsultationBooking
            {
                Code = newCode(), ManageToken = BookingSecrets.NewSecretToken(), Schedule = schedule, StartsAtUtc = startsAt,
                EndsAtUtc = startsAt.AddMinutes(30), Seat = 1, Participant = resident, SupporterId = helper.Id,
                Status = ConsultationStatus.Attended, Channel = BookingChannel.Phone, Topics = string.Join(',', topics[week - 1]),
                Device = resident.Device, CreatedAtUtc = startsAt.AddDays(-7), StatusChangedAtUtc = startsAt.AddMinutes(30),
                RemindedAtUtc = startsAt.AddDays(-1),
            };
            db.ConsultationBookings.Add(booking);
            db.SupportLogs.Add(new SupportLog
            {
                SupporterId = helper.Id, Booking = booking, Mode = ConsultationMode.AtVenue, VenueId = venue.Id, HeldAtUtc = startsAt,
                Minutes = 30, Topics = booking.Topics,
                // One left for the coordinator to follow up, so the follow-up list has its example.
                Resolution = week == 2 ? Resolution.Partly : Resolution.Resolved, FollowUpNeeded = week == 2,
                ReferredTo = week == 2 ? "キャリアショップ" : null,
                Note = week == 2 ? "機種変更の手続きが必要。ショップの予約方法をお伝えした。" : "ご自分で操作できるようになった。",
                CreatedAtUtc = startsAt.AddMinutes(40),
            });
        }
    }
}
