using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Observability;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Classes;

/// <summary>
/// まとめる: the coordinators' home lists the classes of the next three days with fewer than three seats taken, each with
/// the nearest class of its course that has room for them; merging moves every booking there (振替), tells each resident
/// once on their channel, and cancels the emptied class — in one transaction. Each test uses a course of its own, so the
/// demo's classes (whatever the date) are never the nearest.
/// </summary>
public sealed class MergeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnUnderFilledClass_IsOfferedOnTheHome_WithTheNearestClassOfItsCourseThatHasRoom()
    {
        var course = await app.NewCourseAsync();
        var few = await app.ClassOfAsync(course, days: 2, capacity: 10);
        var tooSmall = await app.ClassOfAsync(course, days: 5, capacity: 1);
        var nearest = await app.ClassOfAsync(course, days: 6, capacity: 10);
        await app.ClassOfAsync(course, days: 9, capacity: 10);
        // Three seats taken (a course of its own, or it would be the nearest) is not under-filled.
        var full = await app.ClassOfAsync(await app.NewCourseAsync(), days: 1, capacity: 10);
        await app.BookAsync(few, TestData.Resident());
        await app.BookAsync(few, TestData.Resident());
        for (var i = 0; i < 3; i++) await app.BookAsync(full, TestData.Resident());
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

        var home = await coordinator.GetDocumentAsync("/Coordinator");

        var offers = home.QuerySelectorAll("#under-filled a.button").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/Coordinator/Classes/{few}/Merge?into={nearest}", offers);
        // The class too small for two is not offered as the place to merge into.
        Assert.DoesNotContain(offers, href => href!.StartsWith($"/Coordinator/Classes/{full}/", StringComparison.Ordinal));
        Assert.DoesNotContain(offers, href => href!.EndsWith($"into={tooSmall}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMerge_MovesEveryBooking_TellsEachResidentOnce_AndCancelsTheEmptiedClass()
    {
        var course = await app.NewCourseAsync();
        var from = await app.ClassOfAsync(course, days: 2, capacity: 10);
        var into = await app.ClassOfAsync(course, days: 4, capacity: 10);
        var mail = $"{Guid.NewGuid():N}@example.jp";
        var byMail = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident(email: mail)));
        var byPhone = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident()));
        // Asked for texts, which this city has not switched on: told by mail, and the page says so.
        var textsOff = $"{Guid.NewGuid():N}@example.jp";
        var byTextChoice = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident(email: textsOff) with { Contact = ContactPreference.Sms }));
        // Someone already booked on the other date: that booking stands, the one here goes with the class.
        var twicePhone = TestData.NextPhone();
        var twiceMail = $"{Guid.NewGuid():N}@example.jp";
        var twiceHere = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident(twicePhone, email: twiceMail)));
        var twiceThere = Assert.IsType<BookingResult.Booked>(await app.BookAsync(into, TestData.Resident(twicePhone, email: twiceMail)));
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

        var sentBefore = await app.WithDbAsync(db => db.OutboxMessages.MaxAsync(m => (long?)m.Id)) ?? 0;
        var page = await coordinator.GetDocumentAsync($"/Coordinator/Classes/{from}/Merge?into={into}");
        Assert.Equal(4, page.QuerySelectorAll("#merge-residents li").Length);
        Assert.Contains("電話連絡リスト", page.QuerySelector("#merge-residents")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ショートメール", page.QuerySelector("#merge-residents")!.TextContent, StringComparison.Ordinal);
        var cancelledMetric = 0L;
        var appMeter = app.Services.GetRequiredService<IMeterFactory>().Create(AppMetrics.MeterName);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == appMeter && instrument.Name == "sumaho.bookings.cancelled") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref cancelledMetric, value));
        listener.Start();
        using var merged = await coordinator.SubmitFormAsync($"/Coordinator/Classes/{from}/Merge?into={into}", new Dictionary<string, string>());
        listener.Dispose();
        // Only the booking that went with the class counts as cancelled; the moved ones are not.
        Assert.Equal(1, Interlocked.Read(ref cancelledMetric));

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/Coordinator/Classes/{into}/Roster", merged.Headers.Location!.OriginalString);
        var bookings = await app.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.ClassSessionId == from || b.ClassSessionId == into)
            .ToDictionaryAsync(b => b.Code, b => (b.ClassSessionId, b.Status)));
        Assert.Equal((into, BookingStatus.Confirmed), bookings[byMail.Code]);
        Assert.Equal((into, BookingStatus.Confirmed), bookings[byPhone.Code]);
        Assert.Equal((into, BookingStatus.Confirmed), bookings[twiceThere.Code]);
        Assert.Equal((from, BookingStatus.Cancelled), bookings[twiceHere.Code]);
        Assert.Equal(ClassSessionStatus.Cancelled, await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == from).Select(s => s.Status).SingleAsync()));
        await app.AssertSeatCounterMatchesBookingsAsync(from);
        await app.AssertSeatCounterMatchesBookingsAsync(into);

        // Each resident hears once: the moved one by mail that says why, the one without e-mail by a coordinator's call,
        // the one booked twice that this booking was cancelled.
        var outbox = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Id > sentBefore && (m.ToAddress == mail || m.ToAddress == twiceMail || m.ToAddress == textsOff)).ToListAsync());
        var moved = Assert.Single(outbox, m => m.ToAddress == mail);
        Assert.Equal(("booking-moved", byMail.Code), (moved.Kind, moved.RelatesTo));
        Assert.Contains("まとめさせていただきました", moved.TextBody, StringComparison.Ordinal);
        var byMailInstead = Assert.Single(outbox, m => m.ToAddress == textsOff);
        Assert.Equal(("booking-moved", byTextChoice.Code), (byMailInstead.Kind, byMailInstead.RelatesTo));
        Assert.Equal((into, BookingStatus.Confirmed), bookings[byTextChoice.Code]);
        var cancelled = Assert.Single(outbox, m => m.ToAddress == twiceMail);
        Assert.Equal((Notifier.CancelledTemplate, twiceHere.Code), (cancelled.Kind, cancelled.RelatesTo));
        var calls = await app.WithDbAsync(db => db.CallTasks.AsNoTracking().Where(c => c.Booking!.Code == byPhone.Code).ToListAsync());
        var call = Assert.Single(calls);
        Assert.Equal(CallReason.Changed, call.Reason);
        Assert.Contains("まとめた", call.Note, StringComparison.Ordinal);
        Assert.Contains(await app.AuditEntriesAsync("session.merged"), e => e.SubjectId == from.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WhenTheOtherClassHasNoRoomForThemAll_NothingChanges()
    {
        var course = await app.NewCourseAsync();
        var from = await app.ClassOfAsync(course, days: 2, capacity: 10);
        var into = await app.ClassOfAsync(course, days: 4, capacity: 1);
        var first = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident()));
        var second = Assert.IsType<BookingResult.Booked>(await app.BookAsync(from, TestData.Resident()));
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);

        using var refused = await coordinator.SubmitFormAsync($"/Coordinator/Classes/{from}/Merge?into={into}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("空きが1席", (await Forms.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.All(await app.BookingsOfAsync(from), b => Assert.Equal(BookingStatus.Confirmed, b.Status));
        Assert.Equal(2, (await app.BookingsOfAsync(from)).Count);
        Assert.Equal(ClassSessionStatus.Scheduled, await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == from).Select(s => s.Status).SingleAsync()));
        Assert.Empty(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RelatesTo == first.Code || m.RelatesTo == second.Code).Where(m => m.Kind == "booking-moved").ToListAsync()));
    }
}
