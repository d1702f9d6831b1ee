using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Faults;

/// <summary>
/// A write never waits on a lock for ever: behind a class row that another session holds too long (a migration, a
/// stuck session, a person's open transaction), a booking gives up after <c>Database:LockTimeoutSeconds</c> and the
/// resident reads "nothing was booked, try again" — not a page that hangs, not a 500.
/// </summary>
[Trait("Provider", "ServerOnly")]
public sealed class LockTimeoutTests
{
    [Fact]
    public async Task ABookingBehindARowLockHeldTooLong_Answers503_AndKeepsNothing()
    {
        using var app = new ConfiguredAppFactory("Development", new Dictionary<string, string> { ["Database:LockTimeoutSeconds"] = "1" });
        var session = await app.CreateSessionAsync(capacity: 5);
        var (client, fields) = await ResidentForms.PrepareBookingAsync(app.CreateClient(new() { AllowAutoRedirect = false }), session);

        await using var holder = TestDatabases.Context(app.ConnectionString);
        await using (var held = await holder.Database.BeginTransactionAsync())
        {
            await holder.ClassSessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.Sequence, x => x.Sequence));
            using var response = await client.PostAsync($"/Classes/{session}/Book?handler=Confirm", new FormUrlEncodedContent(fields)).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("予約や変更はされていません", (await Forms.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            await held.RollbackAsync();
        }
        Assert.False(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.PhoneKey == fields["Input.Phone"])));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
    }
}
