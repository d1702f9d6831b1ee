using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Messaging;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Concurrency;

/// <summary>
/// What a city running two instances on one PostgreSQL (or SQL Server) database relies on, tried on two real
/// processes (<see cref="TwoInstances"/>). Not run on SQLite, which is one file for one app (test.sh).
/// </summary>
[Trait("Provider", "ServerOnly")]
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private const int Residents = 200;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TwoHundredBookingsSplitAcrossBoth_FillTenSeats_QueueTheRestInArrivalOrder_AndCancellationsPromoteTheFirstWaiting()
    {
        var session = instances.SeatsSession;
        // Each resident's form comes from one instance and is sent to the other: the antiforgery pair one instance
        // issued must be accepted by the other.
        var forms = await Task.WhenAll(Enumerable.Range(0, Residents).Select(async i =>
        {
            var (from, to) = i % 2 == 0 ? (instances.A, instances.B) : (instances.B, instances.A);
            var cookies = new CookieContainer();
            var (_, fields) = await ResidentForms.PrepareBookingAsync(from.NewClient(cookies), session);
            return (Client: to.NewClient(cookies), Fields: fields);
        }));

        var clock = Stopwatch.StartNew();
        var responses = await ResidentForms.PostAllAtOnceAsync(forms, $"/Classes/{session}/Book?handler=Confirm");
        clock.Stop();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var seated = responses.Where(r => r.Location.Contains("done=booked", StringComparison.Ordinal)).Select(r => r.Location).ToList();
        Assert.Equal(TwoInstances.Seats, seated.Count);
        Assert.Equal(Residents - TwoInstances.Seats, responses.Count(r => r.Location.Contains("done=waitlisted", StringComparison.Ordinal)));

        var bookings = await BookingsAsync(session);
        var confirmed = bookings.Where(b => b.Status == BookingStatus.Confirmed).ToList();
        var waiting = bookings.Where(b => b.Status == BookingStatus.Waitlisted).ToList();
        Assert.Equal((Residents, TwoInstances.Seats, Residents - TwoInstances.Seats), (bookings.Count, confirmed.Count, waiting.Count));
        // Arrival order: every seat went to a booking made before every waiting one, and the waiting list's order (by
        // booking number) is the order the bookings were written in — they queued on the class's row.
        Assert.True(confirmed.Max(b => b.Id) < waiting.Min(b => b.Id));
        Assert.Equal(bookings.OrderBy(b => b.Id).Select(b => b.Id), bookings.OrderBy(b => b.CreatedAtUtc).ThenBy(b => b.Id).Select(b => b.Id));
        Assert.Equal(TwoInstances.Seats, await instances.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.Confirmed).SingleAsync()));

        // Every seated resident cancels at the same moment, half on each instance: the first ten waiting move up, in order.
        var cancels = await Task.WhenAll(seated.Select((link, i) =>
            ResidentForms.CancelThroughTheManageLinkAsync((i % 2 == 0 ? instances.A : instances.B).NewClient(), link)));
        Assert.All(cancels, status => Assert.Equal(HttpStatusCode.Redirect, status));
        var after = await BookingsAsync(session);
        Assert.Equal(waiting.Take(TwoInstances.Seats).Select(b => b.Id), after.Where(b => b.Status == BookingStatus.Confirmed).Select(b => b.Id));
        Assert.Equal(TwoInstances.Seats, after.Count(b => b.Status == BookingStatus.Cancelled));
        Assert.Equal(Residents - 2 * TwoInstances.Seats, after.Count(b => b.Status == BookingStatus.Waitlisted));
        Assert.Equal(TwoInstances.Seats, await instances.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.Confirmed).SingleAsync()));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Two instances: {Residents} concurrent bookings for {TwoInstances.Seats} seats in {clock.ElapsedMilliseconds} ms — " +
            $"{confirmed.Count} confirmed, {waiting.Count} waiting in arrival order, 0 errors; {TwoInstances.Seats} concurrent cancellations " +
            $"promoted the first {TwoInstances.Seats} waiting.");
    }

    [Fact]
    public async Task BothInstancesDispatchTheOutbox_AndEachMessageReachesTheSmtpServerExactlyOnce()
    {
        var rows = (await WaitForTheOutboxToDrainAsync()).Where(r => r.Channel == MessageChannel.Mail).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        var received = instances.Smtp.Received().Select(m => m.MessageId ?? "").ToList();
        var twice = received.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
        Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"Two dispatchers: {rows.Count} messages in the outbox, {received.Count} received, none twice.");
    }

    [Fact]
    public async Task BothInstancesRunTheMinuteLoop_AndEachReminderSurveyRequestAndCertificationHappensOnce()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await MinuteLoopDoneAsync())
        {
            Assert.True(waited.Elapsed < Patience, $"the minute loop did not finish:\n{instances.A.Output}\n{instances.B.Output}");
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
        var rows = await WaitForTheOutboxToDrainAsync();
        var received = instances.Smtp.Received().GroupBy(m => m.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count());

        int MailsOf(string kind, string relatesTo)
        {
            var theirs = rows.Where(r => r.Kind == kind && r.RelatesTo == relatesTo).ToList();
            Assert.All(theirs, r => Assert.Equal(1, received.GetValueOrDefault(r.MessageId)));
            return theirs.Count;
        }
        Assert.All(instances.TomorrowsBookings, code => Assert.Equal(1, MailsOf("reminder", code)));
        Assert.All(instances.AttendedBookings, code => Assert.Equal(1, MailsOf("survey-request", code)));
        var certifications = await instances.WithDbAsync(db => db.Certifications.Where(c => c.SupporterId == instances.Trainee).ToListAsync());
        Assert.Single(certifications);
        var traineeEmail = await instances.WithDbAsync(db => db.Supporters.Where(s => s.Id == instances.Trainee).Select(s => s.Email).SingleAsync());
        var certified = Assert.Single(rows, r => r.Kind == "supporter-certified" && r.ToAddress == traineeEmail);
        Assert.Equal(1, received.GetValueOrDefault(certified.MessageId));
        var subject = instances.Trainee.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await instances.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "supporter.certified" && e.SubjectId == subject)));
    }

    [Fact]
    public async Task BothInstancesReadTheRepliesMailbox_AndEachCalendarReplyIsAppliedOnce()
    {
        var session = instances.RepliedSession;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await instances.WithDbAsync(db => db.Assignments.CountAsync(a => a.ClassSessionId == session && a.Response != AssignmentResponse.Pending)) < instances.RepliedAnswers.Count)
        {
            Assert.True(waited.Elapsed < Patience, $"the replies were not read:\n{instances.A.Output}\n{instances.B.Output}");
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
        var rows = await WaitForTheOutboxToDrainAsync();

        var answers = await instances.WithDbAsync(db => db.Assignments.Where(a => a.ClassSessionId == session).ToDictionaryAsync(a => a.SupporterId, a => a.Response));
        Assert.Equal(instances.RepliedAnswers.OrderBy(a => a.Key), answers.OrderBy(a => a.Key));
        var subject = session.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audited = await instances.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectId == subject && e.SubjectType == "ClassSession"
            && (e.Action == "assignment.accepted" || e.Action == "assignment.declined" || e.Action == "assignment.tentative")).Select(e => e.Action).ToListAsync());
        Assert.Equal(["assignment.accepted", "assignment.declined", "assignment.tentative"], audited.Order(StringComparer.Ordinal));
        var declined = instances.RepliedAnswers.Single(a => a.Value == AssignmentResponse.Declined).Key;
        // Each coordinator is told once.
        var told = rows.Where(r => r.Kind == "assignment-declined" && r.RelatesTo == $"assignment-{session}-{declined}").ToList();
        Assert.NotEmpty(told);
        Assert.Equal(told.Count, told.Select(r => r.ToAddress).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(told, r => Assert.Equal(1, instances.Smtp.Received().Count(m => m.MessageId == r.MessageId)));
        Assert.Equal(instances.RepliedAnswers.Count, await instances.WithDbAsync(db => db.InboxMessages.CountAsync()));
    }

    [Fact]
    public async Task BothInstancesPushTheLineReminders_AndLineIsAskedForEachOnce()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await MinuteLoopDoneAsync())
        {
            Assert.True(waited.Elapsed < Patience, $"the minute loop did not finish:\n{instances.A.Output}\n{instances.B.Output}");
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
        var rows = await WaitForTheOutboxToDrainAsync();
        var reminders = rows.Where(r => r.Channel == MessageChannel.Line && r.Kind == "booking-reminder").ToList();
        Assert.Equal(instances.TomorrowsLineBookings.Order(StringComparer.Ordinal), reminders.Select(r => r.RelatesTo!).Order(StringComparer.Ordinal));
        // Not once after a 409: once. The retry key is the second guard; the outbox's claim is the first.
        Assert.All(reminders, r => Assert.Equal(1, instances.Line.Attempts.Count(key => key == ChannelSender.RetryKey(r))));
        Assert.Empty(instances.Line.Refused);
    }

    [Fact]
    public async Task ASignInOnOneInstance_IsAcceptedByTheOther()
    {
        var cookies = new CookieContainer();
        var page = await instances.A.NewClient(cookies).GetDocumentAsync("/Account/Login");
        var form = Forms.FieldsOf(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!);
        form["Input.Email"] = TwoInstances.CoordinatorEmail;
        form["Input.Password"] = instances.CoordinatorPassword;

        // The form (and its antiforgery pair) from A, the sign-in on B, the signed-in pages on both.
        using var content = new FormUrlEncodedContent(form);
        using var signedIn = await instances.B.NewClient(cookies).PostAsync("/Account/Login", content);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        foreach (var instance in new[] { instances.A, instances.B })
        {
            using var coordinator = await instance.NewClient(cookies).GetAsync("/Coordinator");
            Assert.Equal(HttpStatusCode.OK, coordinator.StatusCode);
        }
        using var stranger = await instances.A.NewClient().GetAsync("/Coordinator");
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
    }

    private Task<List<Booking>> BookingsAsync(int session) =>
        instances.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.ClassSessionId == session).OrderBy(b => b.Id).ToListAsync());

    private Task<bool> MinuteLoopDoneAsync() => instances.WithDbAsync(async db =>
        await db.Bookings.CountAsync(b => instances.TomorrowsBookings.Contains(b.Code) && b.RemindedAtUtc != null) == instances.TomorrowsBookings.Count
        && await db.Bookings.CountAsync(b => instances.TomorrowsLineBookings.Contains(b.Code) && b.RemindedAtUtc != null) == instances.TomorrowsLineBookings.Count
        && await db.Bookings.CountAsync(b => instances.AttendedBookings.Contains(b.Code) && b.SurveyRequestedAtUtc != null) == instances.AttendedBookings.Count
        && await db.Supporters.AnyAsync(s => s.Id == instances.Trainee && s.Status == SupporterStatus.Certified));

    /// <summary>Waits until no row is waiting or being sent, then gives every row.</summary>
    private async Task<List<OutboxMessage>> WaitForTheOutboxToDrainAsync()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await instances.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)))
        {
            Assert.True(waited.Elapsed < Patience, $"the outbox did not drain:\n{instances.A.Output}\n{instances.B.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }
        return await instances.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
    }
}
