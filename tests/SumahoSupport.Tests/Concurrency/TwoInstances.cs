using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Tests.Supporters;

namespace SumahoSupport.Tests.Concurrency;

/// <summary>
/// Two real app processes (Kestrel on two loopback ports, Production settings, not WebApplicationFactory) on one server
/// database, both sending mail through one real SMTP server and both running the minute loop — a city's two instances
/// behind a load balancer. The database is prepared first, in-process, with what the tests then watch happen:
/// a 10-seat class, bookings for tomorrow (reminders), an attended class that ended two hours ago (survey requests), a
/// trainee whose assisted classes have ended (certification), and supporters' calendar replies waiting in the organizer's
/// mailbox on the real IMAP server (both instances read it).
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const string CoordinatorEmail = "two-instances@city.example";
    public const int Seats = 10;
    public const int AssistedClasses = 2;

    public string ConnectionString { get; } = TestDatabases.CreateServerDatabase();

    public SmtpServerProcess Smtp { get; } = new();

    /// <summary>LINE's push API, which both instances send the LINE residents' reminders to.</summary>
    public LineStandIn Line { get; } = new();

    /// <summary>Bookings for tomorrow of residents linked to LINE.</summary>
    public IReadOnlyList<string> TomorrowsLineBookings { get; private set; } = [];

    /// <summary>The organizer's mailbox both instances read calendar replies from.</summary>
    public ImapMailbox Replies { get; } = ImapMailbox.New();

    /// <summary>The class whose supporters answered by calendar: each supporter with the answer they sent.</summary>
    public int RepliedSession { get; private set; }

    public IReadOnlyDictionary<int, Core.Staffing.AssignmentResponse> RepliedAnswers { get; private set; } = new Dictionary<int, Core.Staffing.AssignmentResponse>();

    private const string Organizer = "noreply@midori.example.jp";

    public string CoordinatorPassword { get; } = $"Two-Instances-{Guid.NewGuid():N}";

    public int SeatsSession { get; private set; }

    public int Trainee { get; private set; }

    public IReadOnlyList<string> TomorrowsBookings { get; private set; } = [];

    public IReadOnlyList<string> AttendedBookings { get; private set; } = [];

    public Instance A { get; private set; } = default!;

    public Instance B { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        using (var setup = new SetupApp(ConnectionString))
        {
            await PrepareAsync(setup);
        }
        A = Instance.Start("A", ConnectionString, Smtp.Port, Replies, Line);
        B = Instance.Start("B", ConnectionString, Smtp.Port, Replies, Line);
        await Task.WhenAll(A.WaitUntilReadyAsync(), B.WaitUntilReadyAsync());
    }

    public async ValueTask DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        Smtp.Dispose();
        await Line.DisposeAsync();
        TestDatabases.DropServerDatabase(ConnectionString);
    }

    public Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work) => WithDbAsync(ConnectionString, work);

    private static async Task<T> WithDbAsync<T>(string connectionString, Func<AppDbContext, Task<T>> work)
    {
        await using var db = TestDatabases.Context(connectionString);
        return await work(db);
    }

    private async Task PrepareAsync(SetupApp app)
    {
        _ = app.Server; // demo data, on the real clock (SetupApp.ClockStart)
        await app.WithScopeAsync(async s => Assert.True((await s.GetRequiredService<StaffAccountService>()
            .CreateAsync(CoordinatorEmail, "二台目の確認", Roles.Coordinator, CoordinatorPassword)).Succeeded));

        SeatsSession = await app.CreateSessionAsync(capacity: Seats);

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var tomorrowTen = Core.Text.JapaneseTime.ToUtc(Core.Text.JapaneseTime.TodayInTokyo(app.Clock).AddDays(1).ToDateTime(new TimeOnly(10, 0)));
        var tomorrow = await app.CreateSessionAsync(capacity: 8, startsIn: tomorrowTen - now);
        TomorrowsBookings = await BookWithEmailAsync(app, tomorrow, 4);
        TomorrowsLineBookings = await BookOnLineAsync(app, tomorrow, 3);

        var ended = await app.CreateSessionAsync(capacity: 8, startsIn: TimeSpan.FromHours(2));
        AttendedBookings = await BookWithEmailAsync(app, ended, 4);
        await MoveIntoThePastAsync(app, [ended], TimeSpan.FromHours(6));
        foreach (var code in AttendedBookings)
        {
            Assert.Equal(AttendanceResult.Recorded, await app.WithBookingsAsync(b => b.RecordAttendanceAsync(code, attended: true, default)));
        }

        Trainee = await app.TraineeAsync(name: "二台 認子");
        await app.PassRequiredModulesAsync(Trainee);
        var assisted = new List<int>();
        for (var i = 0; i < AssistedClasses; i++) assisted.Add(await app.ClassWithAsync(Trainee));
        await MoveIntoThePastAsync(app, assisted, TimeSpan.FromDays(2));

        RepliedSession = await app.ClassAsync(EveningClasses.WednesdayAfter(app, 70));
        var answers = new Dictionary<int, Core.Staffing.AssignmentResponse>();
        foreach (var (name, answer) in new[] { ("返信 一子", "DECLINED"), ("返信 二郎", "ACCEPTED"), ("返信 三恵", "TENTATIVE") })
        {
            var supporter = await app.EveningSupporterAsync(name);
            Assert.Equal(Core.Staffing.AssignResult.Assigned, await app.AssignAsync(RepliedSession, supporter, Core.Staffing.AssignmentRole.Assistant));
            var email = await app.WithDbAsync(db => db.Supporters.Where(s => s.Id == supporter).Select(s => s.Email!).SingleAsync());
            var domain = Organizer.Split('@')[1];
            await Replies.DeliverAsync(Calendar.CalendarReplyMail.Outlook(new(
                $"assignment-{RepliedSession}-{supporter}@{domain}", 0, email, answer, Organizer, answer == "DECLINED" ? "通院のため" : null)));
            answers[supporter] = Enum.Parse<Core.Staffing.AssignmentResponse>(answer, ignoreCase: true);
        }
        RepliedAnswers = answers;
    }

    private static async Task<IReadOnlyList<string>> BookWithEmailAsync(AppFactory app, int session, int count)
    {
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var booked = await app.BookAsync(session, TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp") with { Channel = BookingChannel.Phone }, BookingKind.Proxy);
            codes.Add(Assert.IsType<BookingResult.Booked>(booked).Code);
        }
        return codes;
    }

    /// <summary>Bookings by phone whose residents then linked LINE (as the webhook links them).</summary>
    private static async Task<IReadOnlyList<string>> BookOnLineAsync(AppFactory app, int session, int count)
    {
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var booked = await app.BookAsync(session, TestData.Resident() with { Channel = BookingChannel.Phone }, BookingKind.Proxy);
            var code = Assert.IsType<BookingResult.Booked>(booked).Code;
            var participant = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.ParticipantId).SingleAsync());
            await app.WithDbAsync(db => db.Participants.Where(p => p.Id == participant).ExecuteUpdateAsync(p => p
                .SetProperty(x => x.LineUserId, LineStandIn.NewUserId())
                .SetProperty(x => x.ContactPreference, ContactPreference.Line)));
            codes.Add(code);
        }
        return codes;
    }

    /// <summary>Sessions created ahead (as the services require), moved back as if they had been held.</summary>
    private static Task MoveIntoThePastAsync(AppFactory app, IReadOnlyList<int> sessions, TimeSpan by) =>
        app.WithDbAsync(db => db.ClassSessions.Where(s => sessions.Contains(s.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.StartsAtUtc, x => x.StartsAtUtc - by)
            .SetProperty(x => x.EndsAtUtc, x => x.EndsAtUtc - by)
            .SetProperty(x => x.BookingClosesAtUtc, x => x.BookingClosesAtUtc - by)));

    /// <summary>The app in-process on the shared database, only to prepare it: its senders are off, as in every test.</summary>
    private sealed class SetupApp(string connectionString) : AppFactory(connectionString)
    {
        // The processes keep the real time, so "tomorrow" and "held two days ago" must be on it, not on SUMAHO_TEST_NOW
        // (pinned when test.sh started, which may be yesterday by the time this runs).
        protected override DateTimeOffset ClockStart() => TestClock.RealStart();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Supporters:AssistedClassesForCertification", AssistedClasses.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>One app process: <c>dotnet SumahoSupport.Web.dll</c> in Production on a loopback port of its own.</summary>
    public sealed class Instance : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        private Instance(string name, Process process, Uri address)
        {
            Name = name;
            this.process = process;
            Address = address;
        }

        public string Name { get; }

        public Uri Address { get; }

        /// <summary>Everything the process printed, for a failure message.</summary>
        public string Output
        {
            get
            {
                lock (output) return output.ToString();
            }
        }

        public static Instance Start(string name, string connectionString, int smtpPort, ImapMailbox replies, LineStandIn line)
        {
            var port = WebCommand.FreePort();
            var address = new Uri($"http://127.0.0.1:{port}");
            var start = WebCommand.StartInfo(connectionString, new Dictionary<string, string>(replies.Environment())
            {
                ["ASPNETCORE_URLS"] = address.ToString(),
                ["Mail__Smtp__Host"] = "127.0.0.1",
                ["Mail__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail__Smtp__Security"] = "None",
                ["Mail__From"] = Organizer,
                // Two-step sign-in has tests of its own; here the coordinator signs in with the password alone.
                ["Security__RequireTwoFactorForStaff"] = "false",
                ["Mail__Dispatcher__PollSeconds"] = "1",
                // The minute loop's work is due whatever time of day the tests run.
                ["Mail__Reminder__Time"] = "00:00",
                ["Survey__RequestsFrom"] = "00:00",
                ["Survey__RequestsUntil"] = "23:59:59",
                ["Supporters__AssistedClassesForCertification"] = AssistedClasses.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // All the tests' residents come from one address.
                ["Limits__PublicPostsPerMinute"] = "1000000",
                ["Limits__PublicPostsPerHour"] = "1000000",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Line__ChannelSecret"] = LineStandIn.Secret,
                ["Line__ChannelAccessToken"] = LineStandIn.Token,
                ["Line__ApiBaseUrl"] = line.BaseUrl,
                ["Line__AddFriendUrl"] = "https://lin.ee/two-instances",
                // LINE's reminders are due whatever time of day the tests run: no quiet hours.
                ["Notifications__QuietFrom"] = "00:00",
                ["Notifications__QuietUntil"] = "00:00",
            });
            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
            var instance = new Instance(name, process, address);
            process.OutputDataReceived += (_, e) => instance.Append(e.Data);
            process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.StandardInput.Close();
            return instance;
        }

        public async Task WaitUntilReadyAsync()
        {
            using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
            // A stopwatch, not the machine clock: a clock step during start-up must not cut the wait short or stretch it.
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (process.HasExited) throw new InvalidOperationException($"instance {Name} exited ({process.ExitCode}):\n{Output}");
                try
                {
                    using var health = await client.GetAsync("/healthz");
                    if (health.StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                catch (TaskCanceledException)
                {
                    // starting
                }
                await Task.Delay(250);
            }
            throw new TimeoutException($"instance {Name} did not answer /healthz:\n{Output}");
        }

        /// <summary>A client of its own (cookies, no redirects followed), as one resident's browser.</summary>
        public HttpClient NewClient(CookieContainer? cookies = null) =>
            new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
            {
                BaseAddress = Address,
            };

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
        }
    }
}
