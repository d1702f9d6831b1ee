using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Mail;

/// <summary>Without an SMTP host: the pickup folder, the coordinators' mail and call pages, and calendar files.</summary>
public sealed class NotificationPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<HttpClient> CoordinatorAsync() => app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

    [Fact]
    public async Task WithoutSmtp_MailIsWrittenToThePickupFolder_AndListedForCoordinators()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var email = $"{Guid.NewGuid():N}@example.jp";
        await app.BookAsync(session, TestData.Resident(email: email));
        await app.DispatchMailAsync();

        var row = (await app.OutboxAsync()).Single(m => m.ToAddress == email);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        var file = Path.Combine(app.MailDirectory, PickupDirectoryTransport.FileNameFor(row.MessageId));
        var saved = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(row.MessageId, saved.MessageId);
        Assert.Equal(row.Title, saved.Subject);

        var client = await CoordinatorAsync();
        var list = await client.GetDocumentAsync("/Coordinator/Mail");
        Assert.Equal("送信済み", list.QuerySelector($"tr[data-mail='{row.Id}'] .badge")!.TextContent);
        var shown = await client.GetDocumentAsync($"/Coordinator/Mail/{row.Id}");
        Assert.Contains("山田 花子 様", shown.QuerySelector(".mail-body")!.TextContent, StringComparison.Ordinal);
        using var eml = await client.GetAsync($"/Coordinator/Mail/{row.Id}?handler=Eml");
        Assert.Equal("message/rfc822", eml.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ResidentsWithoutEmail_AreOnTheCallListWhenPromotedOrWhenTheClassIsCancelled()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var seated = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var waiting = Assert.IsType<BookingResult.Waitlisted>(await app.BookAsync(session, TestData.Resident()));
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(seated.Code, null, default));
        await app.WithScopeAsync(s => s.GetRequiredService<ClassScheduleService>().CancelSessionAsync(session, "講師の急病のため", default));

        var calls = await app.WithDbAsync(db => db.CallTasks.Where(c => c.Booking!.Code == waiting.Code).OrderBy(c => c.Id).Select(c => new { c.Reason, c.Note }).ToListAsync());
        Assert.Equal([CallReason.Promoted, CallReason.Cancelled], calls.Select(c => c.Reason));
        Assert.Equal("中止の理由: 講師の急病のため", calls[1].Note);
        Assert.False(await app.WithDbAsync(db => db.CallTasks.AnyAsync(c => c.Booking!.Code == seated.Code)));

        var client = await CoordinatorAsync();
        var page = await client.GetDocumentAsync("/Coordinator/Calls");
        var callId = await app.WithDbAsync(db => db.CallTasks.Where(c => c.Booking!.Code == waiting.Code && c.Reason == CallReason.Promoted).Select(c => c.Id).SingleAsync());
        Assert.Contains("キャンセル待ちから予約確定", page.QuerySelector($"tr[data-call='{callId}']")!.TextContent, StringComparison.Ordinal);
        using var done = await client.SubmitFormAsync("/Coordinator/Calls", new Dictionary<string, string>(), $"tr[data-call='{callId}'] form");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var task = await app.WithDbAsync(db => db.CallTasks.SingleAsync(c => c.Id == callId));
        Assert.Equal(DemoAccounts.CoordinatorEmail, task.DoneBy);
        Assert.NotNull(task.DoneAtUtc);
        Assert.Contains("call.done", await app.AuditActionsForAsync(nameof(CallTask), callId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task BookingCalendarFile_NeedsTheTokenAndFollowsTheBooking()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: "ics@example.jp")));
        var client = app.CreateBrowserLikeClient();
        using var denied = await client.GetAsync($"/Bookings/{booked.Code}/Calendar?token=wrong");
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);

        using var file = await client.GetAsync($"/Bookings/{booked.Code}/Calendar?token={booked.Token}");
        Assert.Equal("text/calendar", file.Content.Headers.ContentType!.MediaType);
        var ics = await file.Content.ReadAsStringAsync();
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:booking-{booked.Code}@example.jp", ics, StringComparison.Ordinal);

        await app.WithBookingsAsync(b => b.CancelByResidentAsync(booked.Code, booked.Token, default));
        var after = await client.GetStringAsync($"/Bookings/{booked.Code}/Calendar?token={booked.Token}");
        Assert.Contains("METHOD:CANCEL", after, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VenueFeed_IsPublicAndNamesNoOne()
    {
        var session = await app.CreateSessionAsync(capacity: 3);
        await app.BookAsync(session, TestData.Resident());
        var venue = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.VenueId).SingleAsync());
        var ics = await app.CreateBrowserLikeClient().GetStringAsync($"/Calendar/Venues/{venue}.ics");
        Assert.Contains($"UID:class-{session}@example.jp", ics, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("山田", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupporterFeed_IsShownOnTheirPageAndListsTheirAssignments()
    {
        var session = await app.CreateSessionAsync(capacity: 4);
        var lead = await app.AddSupporterAsync(SupporterStatus.Lead, signsIn: true);
        Assert.Equal(SumahoSupport.Core.Staffing.AssignResult.Assigned, await app.WithScopeAsync(s => s.GetRequiredService<SumahoSupport.Core.Staffing.StaffingService>()
            .AssignAsync(session, lead.Id, SumahoSupport.Core.Staffing.AssignmentRole.Lecturer, default)));

        var client = app.CreateBrowserLikeClient();
        using var _ = await client.SignInAsync(lead.Email, lead.Password!);
        var page = await client.GetDocumentAsync("/Supporter");
        var feed = new Uri(page.QuerySelector(".feed-url")!.TextContent);
        var ics = await app.CreateBrowserLikeClient().GetStringAsync(feed.PathAndQuery);
        Assert.Contains($"UID:assignment-{session}-{lead.Id}@example.jp", ics, StringComparison.Ordinal);
        Assert.Contains("【講師】", ics, StringComparison.Ordinal);

        using var unknown = await app.CreateBrowserLikeClient().GetAsync("/Calendar/Supporters/not-a-token.ics");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
