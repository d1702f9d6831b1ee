using MailKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Consultations;
using SumahoSupport.Tests.Infrastructure;
using static SumahoSupport.Tests.Calendar.CalendarReplyMail;

namespace SumahoSupport.Tests.Calendar;

/// <summary>The app, reading a mailbox of its own on the real IMAP server as its <c>Mail:Inbox</c>.</summary>
public sealed class InboxAppFactory : AppFactory
{
    public ImapMailbox Mailbox { get; } = ImapMailbox.New();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Mailbox.Configure(builder);
    }
}

/// <summary>
/// Supporters answer their invitations from their own calendar: the reply goes to the organizer's mailbox, the app reads
/// it over IMAP and records it as if they had answered in the app. A reply that is not theirs, not to this app, or to an
/// older invitation changes nothing; a mail read twice counts once.
/// </summary>
public sealed class CalendarReplyTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    [Fact]
    public async Task RepliesFromAppleOutlookAndGoogle_AreRecordedAsTheSupportersAnswers()
    {
        var (session, apple, outlook, google) = await ClassWithThreeSupportersAsync(weeks: 10);
        var letter = Letter("resident@example.jp", await OrganizerAsync());
        var replies = new[]
        {
            Apple(await AnswerAsync(session, apple, "ACCEPTED")),
            Outlook(await AnswerAsync(session, outlook, "DECLINED") with { Comment = "孫の運動会のため" }),
            Google(await AnswerAsync(session, google, "TENTATIVE")),
        };
        foreach (var reply in replies) await DeliverAsync(reply);
        await DeliverAsync(letter);

        Assert.Equal(3, await ReadAsync());

        var answers = await AnswersAsync(session);
        Assert.Equal(AssignmentResponse.Accepted, answers[apple].Response);
        Assert.Equal((AssignmentResponse.Declined, "孫の運動会のため"), (answers[outlook].Response, answers[outlook].DeclineReason));
        Assert.Equal(AssignmentResponse.Tentative, answers[google].Response);
        // The decline reaches the coordinator as an in-app one does, and the class no longer counts that supporter.
        var declined = Assert.Single(await DeclineMailsAsync(session));
        Assert.Contains("孫の運動会のため", declined.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, (await app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().CheckAsync([session], default)))[session].Helpers);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectId == session.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.Action.StartsWith("assignment.") && e.Action != "assignment.added").Select(e => new { e.Action, e.Details }).ToListAsync());
        Assert.Equal(["assignment.accepted", "assignment.declined", "assignment.tentative"], audited.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.All(audited, e => Assert.EndsWith("by calendar reply", e.Details, StringComparison.Ordinal));

        // Replies are marked read; the person's mail is left unread for a person, but not fetched again.
        var flags = await app.Mailbox.FlagsAsync();
        Assert.All(flags.Values, f => Assert.Contains(InboxReader.ReadKeyword, f.Keywords));
        Assert.False(flags[letter.MessageId!].Flags.HasFlag(MessageFlags.Seen));
        Assert.All(replies, r => Assert.True(flags[r.MessageId!].Flags.HasFlag(MessageFlags.Seen)));

        // Read again (the next minute): nothing new, nothing changed twice.
        Assert.Equal(0, await ReadAsync());
        Assert.Single(await DeclineMailsAsync(session));
    }

    [Fact]
    public async Task AForgedOrOutOfDateReply_ChangesNothing()
    {
        var (session, supporter, other, _) = await ClassWithThreeSupportersAsync(weeks: 12);
        var beforeTheMove = await AnswerAsync(session, supporter, "DECLINED");
        // The class was moved: its invitations went out again with the next SEQUENCE.
        await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.Sequence, x => x.Sequence + 1)));
        var own = await AnswerAsync(session, supporter, "DECLINED");
        Assert.Equal(beforeTheMove.Sequence + 1, own.Sequence);
        var email = own.Attendee;
        var otherEmail = (await AnswerAsync(session, other, "DECLINED")).Attendee;
        var forged = new (string Why, MimeMessage Mail, ReplyOutcome Outcome)[]
        {
            ("another supporter's address", Apple(own with { Attendee = otherEmail }), ReplyOutcome.NotTheAttendee),
            ("a stranger's address", Outlook(own with { Attendee = "stranger@example.org" }), ReplyOutcome.NotTheAttendee),
            ("another site's UID", Google(own with { Uid = $"assignment-{session}-{supporter}@evil.example" }), ReplyOutcome.UnknownInvitation),
            ("a class the supporter is not on", Apple(own with { Uid = $"assignment-{session + 1000}-{supporter}@{await DomainAsync()}" }), ReplyOutcome.UnknownInvitation),
            ("a UID of nothing", Apple(own with { Uid = "20261216T090000-abc@calendar.example" }), ReplyOutcome.UnknownInvitation),
            ("an answer no program sends", Apple(own with { PartStat = "DELEGATED" }), ReplyOutcome.UnknownAnswer),
            ("an answer to the invitation before the move", Google(beforeTheMove), ReplyOutcome.OutOfDate),
            ("a sender the receiving server found forged", WithVerdict(Apple(own), "mx.midori.example.jp; dmarc=fail (p=reject) header.from=" + email.Split('@')[1]),
                ReplyOutcome.NotTheAttendee),
        };
        foreach (var (_, mail, _) in forged) await DeliverAsync(mail);

        Assert.Equal(0, await ReadAsync());

        Assert.All((await AnswersAsync(session)).Values, a => Assert.Equal(AssignmentResponse.Pending, a.Response));
        Assert.Empty(await DeclineMailsAsync(session));
        var outcomes = await app.WithDbAsync(db => db.InboxMessages.Select(m => new { m.MessageKey, m.Outcome }).ToListAsync());
        foreach (var (why, mail, outcome) in forged)
            Assert.True(outcomes.Exists(o => o.MessageKey == KeyOf(mail) && o.Outcome == outcome), $"{why}: expected {outcome}");

        // The real one still goes through afterwards.
        await DeliverAsync(Outlook(own));
        Assert.Equal(1, await ReadAsync());
        Assert.Equal(AssignmentResponse.Declined, (await AnswersAsync(session))[supporter].Response);
    }

    [Fact]
    public async Task OneReplyReadByTwoInstancesAtOnce_IsAppliedOnce()
    {
        var (session, supporter, _, _) = await ClassWithThreeSupportersAsync(weeks: 14);
        var reply = Outlook(await AnswerAsync(session, supporter, "DECLINED") with { Comment = "体調不良" });

        // Past the lease (each instance fetched the mail before the other marked it): the stored key decides.
        var copies = new[] { Fetched(reply), Fetched(reply) };
        var outcomes = await Task.WhenAll(copies.Select(copy => Task.Run(() => app.WithScopeAsync(s =>
            s.GetRequiredService<CalendarReplyService>().ApplyAsync(copy, KeyOf(reply), default)))));

        Assert.Equal([ReplyOutcome.Recorded, ReplyOutcome.AlreadyApplied], outcomes.Order());
        Assert.Single(await DeclineMailsAsync(session));
        Assert.Single(await app.AuditEntriesAsync("assignment.declined"), e => e.SubjectId == session.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WhileAnotherInstanceHoldsTheLease_TheMailboxIsLeftToIt()
    {
        var (session, supporter, _, _) = await ClassWithThreeSupportersAsync(weeks: 16);
        await DeliverAsync(Apple(await AnswerAsync(session, supporter, "ACCEPTED")));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.True(await app.WithScopeAsync(s => JobLease.TryTakeAsync(s.GetRequiredService<AppDbContext>(), s.GetRequiredService<UnitOfWork>(),
            InboxReader.LeaseName, "the-other-instance", now, now.AddMinutes(5), default)));

        Assert.Equal(0, await ReadAsync());
        Assert.Equal(AssignmentResponse.Pending, (await AnswersAsync(session))[supporter].Response);

        // The other instance crashed holding it: the lease lapses, and the next reader takes the mail.
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await ReadAsync());
        Assert.Equal(AssignmentResponse.Accepted, (await AnswersAsync(session))[supporter].Response);
    }

    [Fact]
    public async Task AHandedOverConsultationDeclinedByCalendar_TellsTheCoordinators_AndOnlyItsSupporterMayAnswer()
    {
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 2);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(10, 30), parallel: 1);
        var helper = await app.AddHelperAsync("相談 担当", date.DayOfWeek, 9 * 60, 12 * 60);
        var code = await app.BookConsultationAsync(schedule.Id, JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0))), TestData.Resident());
        var email = await app.WithDbAsync(db => db.Supporters.Where(s => s.Id == helper).Select(s => s.Email!).SingleAsync());
        var uid = $"consultation-{code}-supporter-{helper}@{await DomainAsync()}";
        var organizer = await OrganizerAsync();
        var someoneElse = Apple(new Answer($"consultation-{code}-supporter-{helper + 1000}@{await DomainAsync()}", 0, email, "DECLINED", organizer));
        var declined = Outlook(new Answer(uid, 0, email, "DECLINED", organizer, "研修と重なりました"));
        await DeliverAsync(someoneElse);
        await DeliverAsync(declined);

        Assert.Equal(1, await ReadAsync());

        var told = (await app.OutboxAsync()).Where(m => m.Kind == "consultation-declined").ToList();
        var mail = Assert.Single(told, m => m.ToAddress == DemoAccounts.CoordinatorEmail);
        Assert.Contains("研修と重なりました", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Coordinator/Consultations/{code}", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(await app.AuditEntriesAsync("consultation.supporter-declined"), e => e.SubjectId == code);
        // Until a coordinator hands it over, the consultation keeps its supporter: the resident is never left without one.
        Assert.Equal(helper, await app.WithDbAsync(db => db.ConsultationBookings.Where(b => b.Code == code).Select(b => b.SupporterId).SingleAsync()));
        var outcomes = await app.WithDbAsync(db => db.InboxMessages.ToDictionaryAsync(m => m.MessageKey, m => m.Outcome));
        Assert.Equal(ReplyOutcome.UnknownInvitation, outcomes[KeyOf(someoneElse)]);
        Assert.Equal(ReplyOutcome.Recorded, outcomes[KeyOf(declined)]);
    }

    private Task DeliverAsync(MimeMessage message) => app.Mailbox.DeliverAsync(message);

    private Task<int> ReadAsync() => app.WithScopeAsync(s => s.GetRequiredService<InboxReader>().ReadAsync(default));

    private async Task<(int Session, int First, int Second, int Third)> ClassWithThreeSupportersAsync(int weeks)
    {
        var session = await app.ClassAsync(EveningClasses.WednesdayAfter(app, weeks * 7));
        var supporters = new List<int>();
        foreach (var name in new[] { "林檎 一子", "窓 二郎", "検索 三恵" })
        {
            var supporter = await app.EveningSupporterAsync(name);
            Assert.Equal(AssignResult.Assigned, await app.AssignAsync(session, supporter, AssignmentRole.Assistant));
            supporters.Add(supporter);
        }
        return (session, supporters[0], supporters[1], supporters[2]);
    }

    /// <summary>The answer the supporter's calendar writes to the invitation they hold: its UID, its SEQUENCE, their address.</summary>
    private async Task<Answer> AnswerAsync(int session, int supporter, string partStat)
    {
        var facts = await app.WithScopeAsync(s => s.GetRequiredService<ClassInvitations>().AssignmentAsync(session, supporter, default));
        var invitation = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<ClassInvitations>().ForAssignment(facts!, cancelled: false)));
        return new Answer(invitation.Uid, invitation.Sequence, facts!.Email!, partStat, invitation.OrganizerEmail);
    }

    private Task<string> OrganizerAsync() => app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<ClassInvitations>().OrganizerEmail));

    private Task<string> DomainAsync() => app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<ClassInvitations>().OrganizerDomain));

    private Task<Dictionary<int, Assignment>> AnswersAsync(int session) =>
        app.WithDbAsync(db => db.Assignments.AsNoTracking().Where(a => a.ClassSessionId == session).ToDictionaryAsync(a => a.SupporterId));

    private async Task<List<Core.Notifications.OutboxMessage>> DeclineMailsAsync(int session) =>
        (await app.OutboxAsync()).Where(m => m.Kind == "assignment-declined" && m.RelatesTo != null && m.RelatesTo.StartsWith($"assignment-{session}-", StringComparison.Ordinal)).ToList();

    /// <summary>The mail as each reader gets it from the server: a copy of its own, parsed from the bytes.</summary>
    private static MimeMessage Fetched(MimeMessage message)
    {
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        bytes.Position = 0;
        return MimeMessage.Load(bytes);
    }

    private static MimeMessage WithVerdict(MimeMessage message, string verdict)
    {
        message.Headers.Insert(0, HeaderId.AuthenticationResults, verdict);
        return message;
    }

    /// <summary>The key the reader stores for a mail: a hash of its Message-ID.</summary>
    private static string KeyOf(MimeMessage message) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes($"message-id:{message.MessageId}")));
}

/// <summary>The app with its replies' mailbox on a port where no server answers: a mail server that is down.</summary>
public sealed class UnreachableInboxAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Inbox:Host", "127.0.0.1");
        builder.UseSetting("Mail:Inbox:Port", WebCommand.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Inbox:User", "replies");
        builder.UseSetting("Mail:Inbox:Password", "unused");
        builder.UseSetting("Mail:Inbox:Security", "None");
    }
}

/// <summary>A mailbox that cannot be reached fails its own minute job and nothing else, and leaves no lease held.</summary>
public sealed class UnreachableInboxTests(UnreachableInboxAppFactory app) : IClassFixture<UnreachableInboxAppFactory>
{
    [Fact]
    public async Task AMailServerThatIsDown_FailsTheRepliesJobAlone_AndTheNextMinuteMayTryAgain()
    {
        await app.Services.GetRequiredService<Core.Jobs.MinuteJobs>().RunOnceAsync(default);

        var health = app.Services.GetRequiredService<Core.Jobs.JobHealth>().Snapshot();
        Assert.True(health[InboxReader.LeaseName].Failing);
        Assert.All(health.Where(j => j.Key != InboxReader.LeaseName), j => Assert.False(j.Value.Failing, j.Key));
        var lease = await app.WithDbAsync(db => db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == InboxReader.LeaseName));
        Assert.Null(lease.Holder);
    }
}
