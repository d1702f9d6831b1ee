using Microsoft.AspNetCore.Hosting;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Mail;

/// <summary>
/// Mail that cannot be written is never stuck silently: each failed hand-over is an attempt with its error, it backs off,
/// goes Dead after the last attempt, and shows on the mail page.
/// </summary>
public sealed class PickupFailureTests(PickupFailureTests.UnwritablePickupFactory app) : IClassFixture<PickupFailureTests.UnwritablePickupFactory>
{
    /// <summary>The pickup folder lies below a plain file, so no folder can be made there (even for root, unlike a chmod).</summary>
    public sealed class UnwritablePickupFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var blocker = Path.Combine(Path.GetTempPath(), "sumaho-tests", $"not-a-folder-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
            File.WriteAllText(blocker, "");
            builder.UseSetting("Mail:PickupDirectory", Path.Combine(blocker, "mail"));
            builder.UseSetting("Mail:Dispatcher:MaxAttempts", "3");
            builder.UseSetting("Mail:Dispatcher:BackoffSeconds", "30");
            // One batch holds every message, the demo data's too, so this test's mail is tried in each round.
            builder.UseSetting("Mail:Dispatcher:BatchSize", "1000");
        }
    }

    [Fact]
    public async Task AnUnwritablePickupFolder_CountsEachAttempt_BacksOff_AndParksTheMailAsDead()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var booked = Assert.IsType<Core.Bookings.BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: "pickup@example.jp")));
        OutboxMessage Mail(IEnumerable<OutboxMessage> all) => all.Single(m => m.RelatesTo == booked.Code);

        var first = await app.DispatchMailAsync();
        Assert.Equal(0, first.Sent);
        var afterOne = Mail(await app.OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, 1), (afterOne.Status, afterOne.Attempts));
        Assert.False(string.IsNullOrEmpty(afterOne.LastError));
        Assert.True(afterOne.NextAttemptAtUtc > app.Clock.GetUtcNow().UtcDateTime, "a failed mail waits before it is tried again");

        // Not due yet: nothing is tried.
        await app.DispatchMailAsync();
        Assert.Equal(1, Mail(await app.OutboxAsync()).Attempts);

        for (var attempt = 2; attempt <= 3; attempt++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            await app.DispatchMailAsync();
        }
        var dead = Mail(await app.OutboxAsync());
        Assert.Equal((OutboxStatus.Dead, 3), (dead.Status, dead.Attempts));

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var page = await coordinator.GetDocumentAsync("/Coordinator/Mail");
        Assert.Contains("送信できなかったお知らせが", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
