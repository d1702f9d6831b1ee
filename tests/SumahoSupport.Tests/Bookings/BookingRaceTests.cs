using System.Diagnostics;
using System.Net;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

/// <summary>
/// docs/ARCHITECTURE.md, "Rules" 1 under load: many residents press 予約する at the same moment for the same class, through the
/// whole HTTP pipeline (antiforgery, model binding, the booking transaction) against a real SQLite file.
/// </summary>
public sealed class BookingRaceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Seats = 10;
    private const int Residents = 200;

    [Fact]
    public async Task TwoHundredSimultaneousBookings_FillTenSeatsExactly_AndQueueTheRestInOrder()
    {
        var session = await app.CreateSessionAsync(capacity: Seats);
        var forms = await Task.WhenAll(Enumerable.Range(0, Residents).Select(_ => PrepareBookingFormAsync(session)));

        var clock = Stopwatch.StartNew();
        var responses = await ResidentForms.PostAllAtOnceAsync(forms, $"/Classes/{session}/Book?handler=Confirm");
        clock.Stop();

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(Seats, responses.Count(r => r.Location.Contains("done=booked", StringComparison.Ordinal)));
        Assert.Equal(Residents - Seats, responses.Count(r => r.Location.Contains("done=waitlisted", StringComparison.Ordinal)));

        var bookings = await app.BookingsOfAsync(session);
        var confirmed = bookings.Where(b => b.Status == BookingStatus.Confirmed).ToList();
        var waiting = bookings.Where(b => b.Status == BookingStatus.Waitlisted).ToList();
        Assert.Equal(Residents, bookings.Count);
        Assert.Equal(Seats, confirmed.Count);
        Assert.Equal(Residents - Seats, waiting.Count);
        // First come, first served: every seat went to a booking that arrived before every waiting one.
        Assert.True(confirmed.Max(b => b.Id) < waiting.Min(b => b.Id));
        var positions = await app.WithBookingsAsync(async s =>
        {
            var list = new List<int>();
            foreach (var w in waiting) list.Add(await s.WaitlistPositionAsync(w.Id, session, default));
            return list;
        });
        Assert.Equal(Enumerable.Range(1, Residents - Seats), positions);
        await app.AssertSeatCounterMatchesBookingsAsync(session);

        // Now every seated resident cancels at the same moment: the first ten waiting take their seats, in order.
        var seatedLinks = responses.Where(r => r.Location.Contains("done=booked", StringComparison.Ordinal)).Select(r => r.Location).ToList();
        var cancels = await Task.WhenAll(seatedLinks.Select(CancelThroughTheManageLinkAsync));
        Assert.All(cancels, status => Assert.Equal(HttpStatusCode.Redirect, status));

        var after = await app.BookingsOfAsync(session);
        var nowSeated = after.Where(b => b.Status == BookingStatus.Confirmed).Select(b => b.Id).ToList();
        Assert.Equal(waiting.Take(Seats).Select(b => b.Id), nowSeated);
        Assert.Equal(Seats, after.Count(b => b.Status == BookingStatus.Cancelled));
        await app.AssertSeatCounterMatchesBookingsAsync(session);
        Assert.Equal(Seats, (await app.AuditEntriesAsync("booking.promoted")).Count(e => e.Details == $"session={session}"));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Residents} concurrent POSTs for {Seats} seats: {confirmed.Count} confirmed, {waiting.Count} waitlisted, 0 errors, {clock.ElapsedMilliseconds} ms; " +
            $"{Seats} concurrent cancellations promoted the first {Seats} waiting.");
    }

    private Task<(HttpClient Client, Dictionary<string, string> Fields)> PrepareBookingFormAsync(int session) =>
        ResidentForms.PrepareBookingAsync(app.CreateBrowserLikeClient(), session);

    private Task<HttpStatusCode> CancelThroughTheManageLinkAsync(string showLink) =>
        ResidentForms.CancelThroughTheManageLinkAsync(app.CreateBrowserLikeClient(), showLink);
}
