using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Mail;

/// <summary>Mail through a real SMTP server process on loopback, read back and parsed with MimeKit.</summary>
public sealed class MailDeliveryTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    private static string Ics(MimeMessage message)
    {
        var calendar = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var bytes = new MemoryStream();
        calendar.Content!.DecodeTo(bytes);
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray()).Replace("\r\n ", "", StringComparison.Ordinal);
    }

    private static string Line(string ics, string name) =>
        ics.Split("\r\n").First(l => l.StartsWith(name, StringComparison.Ordinal));

    private IReadOnlyList<MimeMessage> ReceivedFor(string address) =>
        app.Smtp.Received().Where(m => m.To.Mailboxes.Any(x => x.Address == address)).ToList();

    [Fact]
    public async Task ConfirmMoveCancel_ArriveAsOneInvitationWithRisingSequence()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var email = $"{Guid.NewGuid():N}@example.jp";
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: email)));
        await app.DispatchMailAsync();

        var confirmation = Assert.Single(ReceivedFor(email));
        Assert.Equal("multipart/mixed", confirmation.Body!.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(((Multipart)confirmation.Body!)[0]);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], alternative.Select(p => p.ContentType.MimeType));
        var calendarPart = (MimePart)alternative[2];
        Assert.Equal("REQUEST", calendarPart.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", calendarPart.ContentType.Charset, ignoreCase: true);
        var attachment = Assert.Single(confirmation.Attachments);
        Assert.Equal("invite.ics", attachment.ContentDisposition!.FileName);
        Assert.StartsWith("【みどり市】スマホ教室のご予約を受け付けました", confirmation.Subject ?? "", StringComparison.Ordinal);
        Assert.Contains(booked.Code, confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains($"token={booked.Token}", confirmation.TextBody, StringComparison.Ordinal);
        var row = (await app.OutboxAsync()).Single(m => m.ToAddress == email);
        Assert.Equal(row.MessageId, confirmation.MessageId);

        var ics = Ics(confirmation);
        var start = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.StartsAtUtc).SingleAsync());
        var tokyo = JapaneseTime.ToTokyo(start);
        Assert.Equal("METHOD:REQUEST", Line(ics, "METHOD"));
        Assert.Equal($"UID:booking-{booked.Code}@midori.example.jp", Line(ics, "UID"));
        Assert.Equal("SEQUENCE:0", Line(ics, "SEQUENCE"));
        Assert.Equal($"DTSTART;TZID=Asia/Tokyo:{tokyo:yyyyMMdd'T'HHmmss}", Line(ics, "DTSTART;"));
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo", ics, StringComparison.Ordinal);
        Assert.Equal(2, ics.Split("BEGIN:VALARM").Length - 1);

        // The class moves an hour later: the same UID, SEQUENCE 1, the new time.
        await app.WithScopeAsync(async s =>
        {
            var current = await s.GetRequiredService<SumahoSupport.Core.Data.AppDbContext>().ClassSessions.AsNoTracking().SingleAsync(x => x.Id == session);
            var result = await s.GetRequiredService<ClassScheduleService>().UpdateSessionAsync(session, new SessionDraft(
                current.CourseId, current.VenueId, current.StartsAtUtc.AddHours(1), current.EndsAtUtc.AddHours(1), current.Capacity, 60, 0, current.Notes), default);
            Assert.IsType<ScheduleResult.Saved>(result);
        });
        await app.DispatchMailAsync();
        var moved = ReceivedFor(email).Single(m => (m.Subject ?? "").Contains("変わりました", StringComparison.Ordinal));
        var movedIcs = Ics(moved);
        Assert.Equal("METHOD:REQUEST", Line(movedIcs, "METHOD"));
        Assert.Equal($"UID:booking-{booked.Code}@midori.example.jp", Line(movedIcs, "UID"));
        Assert.Equal("SEQUENCE:1", Line(movedIcs, "SEQUENCE"));
        Assert.Equal($"DTSTART;TZID=Asia/Tokyo:{tokyo.AddHours(1):yyyyMMdd'T'HHmmss}", Line(movedIcs, "DTSTART;"));

        // The resident cancels: CANCEL, SEQUENCE 2, STATUS:CANCELLED.
        Assert.Equal(CancelResult.Cancelled, await app.WithBookingsAsync(b => b.CancelByResidentAsync(booked.Code, booked.Token, default)));
        await app.DispatchMailAsync();
        var cancelled = ReceivedFor(email).Single(m => (m.Subject ?? "").Contains("取り消しました", StringComparison.Ordinal));
        var cancelledIcs = Ics(cancelled);
        Assert.Equal("CANCEL", ((MimePart)((Multipart)((Multipart)cancelled.Body!)[0])[2]).ContentType.Parameters["method"]);
        Assert.Equal("METHOD:CANCEL", Line(cancelledIcs, "METHOD"));
        Assert.Equal($"UID:booking-{booked.Code}@midori.example.jp", Line(cancelledIcs, "UID"));
        Assert.Equal("SEQUENCE:2", Line(cancelledIcs, "SEQUENCE"));
        Assert.Equal("STATUS:CANCELLED", Line(cancelledIcs, "STATUS"));
        Assert.Equal(3, ReceivedFor(email).Count);
    }

    [Fact]
    public async Task SmtpDownWhileBooking_LosesNothing_AndDeliversEachRowOnceWhenBack()
    {
        await app.DispatchMailAsync(); // start from an empty queue
        var session = await app.CreateSessionAsync(capacity: 10);
        app.Smtp.Stop();
        var emails = Enumerable.Range(0, 5).Select(_ => $"{Guid.NewGuid():N}@example.jp").ToList();
        try
        {
            foreach (var email in emails) Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: email)));
            var down = await app.DispatchMailAsync();
            Assert.Equal(0, down.Sent);
            Assert.Equal(5, down.Failed);
            var waiting = (await app.OutboxAsync()).Where(m => emails.Contains(m.ToAddress)).ToList();
            Assert.All(waiting, m => Assert.Equal((OutboxStatus.Pending, 1), (m.Status, m.Attempts)));
            Assert.All(waiting, m => Assert.NotNull(m.LastError));
        }
        finally
        {
            app.Smtp.Start();
        }

        Assert.Equal(0, (await app.DispatchMailAsync()).Sent); // not yet: the retry waits for its backoff
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(5, (await app.DispatchMailAsync()).Sent);
        Assert.Equal(0, (await app.DispatchMailAsync()).Sent);

        var rows = (await app.OutboxAsync()).Where(m => emails.Contains(m.ToAddress)).ToList();
        Assert.All(rows, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var received = app.Smtp.Received().Where(m => emails.Contains(m.To.Mailboxes.Single().Address)).ToList();
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task TwoDispatchersOnOneDatabase_NeverSendARowTwice()
    {
        await app.DispatchMailAsync();
        var emails = new List<string>();
        for (var s = 0; s < 4; s++)
        {
            var session = await app.CreateSessionAsync(capacity: 10);
            for (var i = 0; i < 10; i++)
            {
                var email = $"{Guid.NewGuid():N}@example.jp";
                emails.Add(email);
                await app.BookAsync(session, TestData.Resident(email: email));
            }
        }

        async Task<int> RunAsync()
        {
            var sent = 0;
            while (true)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var round = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default);
                if (round.Sent + round.Failed == 0) return sent;
                sent += round.Sent;
            }
        }
        var both = await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync));

        Assert.Equal(40, both.Sum());
        var received = app.Smtp.Received().Where(m => emails.Contains(m.To.Mailboxes.Single().Address)).ToList();
        Assert.Equal(40, received.Count);
        Assert.Equal(40, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task WhenAnotherInstanceClaimsTheRowsItRead_ADispatcherSendsTheNextOnes_InsteadOfGivingUp()
    {
        await app.DispatchMailAsync();
        var batch = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.Dispatcher.BatchSize;
        var emails = Enumerable.Range(0, batch + 3).Select(_ => $"{Guid.NewGuid():N}@example.jp").ToList();
        var due = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(db =>
        {
            db.OutboxMessages.AddRange(emails.Select(e => new OutboxMessage
            {
                Kind = "test", ToAddress = e, ToName = "共有", Title = "共有のテスト", TextBody = "共有", HtmlBody = "<p>共有</p>",
                MessageId = $"<{Guid.NewGuid():N}@sumaho.test>", NextAttemptAtUtc = due,
            }));
            return db.SaveChangesAsync();
        });

        var result = await app.WithScopeAsync(async s =>
        {
            // Between this dispatcher's read of the due rows and its claim, another instance claims every one it read.
            var otherInstance = new ClaimsFirst(app, batch);
            var options = new DbContextOptionsBuilder<Core.Data.AppDbContext>(s.GetRequiredService<DbContextOptions<Core.Data.AppDbContext>>())
                .AddInterceptors(otherInstance).Options;
            await using var db = new Core.Data.AppDbContext(options);
            var round = await ActivatorUtilities.CreateInstance<OutboxDispatcher>(s, db).DispatchDueAsync(default);
            Assert.True(otherInstance.Claimed);
            return round;
        });

        Assert.Equal(3, result.Sent);
        Assert.Equal(3, emails.Count(e => ReceivedFor(e).Count == 1));
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.LeaseToken == ClaimsFirst.Lease)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, OutboxStatus.Sent).SetProperty(x => x.LeaseToken, (string?)null)));
    }

    /// <summary>Plays the other instance: before the first claim it sees, claims the first due rows on a connection of its own.</summary>
    private sealed class ClaimsFirst(SmtpAppFactory app, int batch) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public const string Lease = "the-other-instance";

        public bool Claimed { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (!Claimed && command.CommandText.StartsWith("UPDATE", StringComparison.Ordinal) && command.CommandText.Contains("LeaseToken", StringComparison.Ordinal))
            {
                Claimed = true;
                var now = app.Clock.GetUtcNow().UtcDateTime;
                await app.WithDbAsync(async db =>
                {
                    var first = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
                        .OrderBy(m => m.Id).Select(m => m.Id).Take(batch).ToListAsync(cancellationToken);
                    return await db.OutboxMessages.Where(m => first.Contains(m.Id)).ExecuteUpdateAsync(m => m
                        .SetProperty(x => x.Status, OutboxStatus.Sending).SetProperty(x => x.LeaseToken, Lease)
                        .SetProperty(x => x.LeaseExpiresAtUtc, now.AddMinutes(5)), cancellationToken);
                });
            }
            return result;
        }
    }

    [Fact]
    public async Task ASenderKilledMidBatch_LeavesRowsThatAreSentOnceItsLeaseRunsOut()
    {
        await app.DispatchMailAsync();
        var session = await app.CreateSessionAsync(capacity: 3);
        var email = $"{Guid.NewGuid():N}@example.jp";
        await app.BookAsync(session, TestData.Resident(email: email));
        // As a crashed instance leaves it: claimed, leased for two minutes, never marked.
        var leaseEnds = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(2);
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Status, OutboxStatus.Sending).SetProperty(x => x.LeaseToken, "crashed").SetProperty(x => x.LeaseExpiresAtUtc, leaseEnds)));

        Assert.Equal(0, (await app.DispatchMailAsync()).Sent);
        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await app.DispatchMailAsync()).Sent);
        Assert.Single(ReceivedFor(email));
    }

    [Fact]
    public async Task ASenderThatDiesRightAfterTheServerAcceptedAMail_SendsOnlyThatOneAgain()
    {
        await app.DispatchMailAsync();
        var session = await app.CreateSessionAsync(capacity: 5);
        var emails = Enumerable.Range(0, 5).Select(_ => $"{Guid.NewGuid():N}@example.jp").ToList();
        foreach (var email in emails) await app.BookAsync(session, TestData.Resident(email: email));

        // The process dies after the server accepted the third mail and before it could write that down: what the
        // database holds then is what a kill -9 leaves.
        await app.WithScopeAsync(async s =>
        {
            var dying = new DiesAfterAccepting(s.GetRequiredService<IMailTransport>(), accepted: 3);
            await ActivatorUtilities.CreateInstance<OutboxDispatcher>(s, (IMailTransport)dying).DispatchDueAsync(default);
        });
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.DispatchMailAsync();

        var received = emails.Select(e => ReceivedFor(e).Count).ToList();
        Assert.All(received, count => Assert.InRange(count, 1, 2));
        Assert.Equal(emails.Count + 1, received.Sum());
        Assert.All(await app.WithDbAsync(db => db.OutboxMessages.Where(m => emails.Contains(m.ToAddress)).Select(m => m.Status).ToListAsync()),
            status => Assert.Equal(OutboxStatus.Sent, status));
    }

    /// <summary>The real transport, but the sender "dies" (throws) the moment the server accepted the n-th mail.</summary>
    private sealed class DiesAfterAccepting(IMailTransport inner, int accepted) : IMailTransport
    {
        public Task<IReadOnlyList<Exception?>> SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Task> onAccepted, CancellationToken ct)
        {
            var count = 0;
            return inner.SendAsync(messages, index => ++count == accepted ? throw new InvalidOperationException("killed") : onAccepted(index), ct);
        }
    }

    [Fact]
    public async Task AfterTheLastAttempt_AMessageIsDead_AndACoordinatorCanResendIt()
    {
        await app.DispatchMailAsync();
        var session = await app.CreateSessionAsync(capacity: 3);
        var email = $"{Guid.NewGuid():N}@example.jp";
        app.Smtp.Stop();
        try
        {
            await app.BookAsync(session, TestData.Resident(email: email));
            for (var attempt = 0; attempt < 8; attempt++)
            {
                await app.DispatchMailAsync();
                app.Clock.Advance(TimeSpan.FromHours(3));
            }
        }
        finally
        {
            app.Smtp.Start();
        }
        var dead = (await app.OutboxAsync()).Single(m => m.ToAddress == email);
        Assert.Equal((OutboxStatus.Dead, 8), (dead.Status, dead.Attempts));
        Assert.Equal(0, (await app.DispatchMailAsync()).Sent);

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var list = await coordinator.GetDocumentAsync("/Coordinator/Mail");
        Assert.Equal("送信できませんでした", list.QuerySelector($"tr[data-mail='{dead.Id}'] .badge")!.TextContent);
        using var resend = await coordinator.SubmitFormAsync("/Coordinator/Mail", new Dictionary<string, string>(), $"tr[data-mail='{dead.Id}'] form");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);

        Assert.Equal(1, (await app.DispatchMailAsync()).Sent);
        var received = Assert.Single(ReceivedFor(email));
        Assert.Equal(dead.MessageId, received.MessageId);
        Assert.Contains("mail.resent", await app.AuditActionsForAsync(nameof(OutboxMessage), dead.Id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ASupporterIsInvitedWithAReplyRequested_AndTheInvitationIsWithdrawn()
    {
        // Ten weeks ahead, past the demo schedule (eight weeks), so the demo lead is free whatever day the test runs.
        var session = await app.CreateSessionAsync(capacity: 4, startsIn: TimeSpan.FromDays(70));
        var lead = await app.WithDbAsync(db => db.Supporters.Where(s => s.Status == SumahoSupport.Core.Supporters.SupporterStatus.Lead && s.Email != null).OrderBy(s => s.Id).FirstAsync());
        await app.WithScopeAsync(async s => Assert.Equal(SumahoSupport.Core.Staffing.AssignResult.Assigned,
            await s.GetRequiredService<SumahoSupport.Core.Staffing.StaffingService>().AssignAsync(session, lead.Id, SumahoSupport.Core.Staffing.AssignmentRole.Lecturer, default)));
        await app.WithScopeAsync(s => s.GetRequiredService<SumahoSupport.Core.Staffing.StaffingService>().RemoveAsync(session, lead.Id, default));
        await app.DispatchMailAsync();

        var uid = $"UID:assignment-{session}-{lead.Id}@midori.example.jp";
        var mails = ReceivedFor(lead.Email!).Where(m => Ics(m).Contains(uid, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mails.Count);
        var invite = Ics(mails.Single(m => Ics(m).Contains("METHOD:REQUEST", StringComparison.Ordinal)));
        Assert.Matches("ATTENDEE;[^\r\n]*RSVP=TRUE", invite);
        Assert.Contains("SEQUENCE:0", invite, StringComparison.Ordinal);
        var withdrawn = Ics(mails.Single(m => Ics(m).Contains("METHOD:CANCEL", StringComparison.Ordinal)));
        Assert.Contains("SEQUENCE:1", withdrawn, StringComparison.Ordinal);
    }
}
