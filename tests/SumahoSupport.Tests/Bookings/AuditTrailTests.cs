using System.Net;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

/// <summary>docs/ARCHITECTURE.md, "Rules" 5: every change says who made it and when.</summary>
public sealed class AuditTrailTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ResidentBookingsAreByTheResident_AndStaffChangesByTheSignedInUser()
    {
        var session = await app.CreateSessionAsync(capacity: 5, startsIn: TimeSpan.FromHours(2));
        var resident = app.CreateBrowserLikeClient();
        using var booked = await resident.SubmitAndConfirmAsync($"/Classes/{session}/Book", new Dictionary<string, string>
        {
            ["Input.Name"] = "監査 太郎", ["Input.Kana"] = "かんさ たろう", ["Input.Phone"] = TestData.NextPhone(),
            ["Input.Device"] = "Android", ["Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var code = (await app.BookingsOfAsync(session)).Single().Code;
        app.Clock.Advance(TimeSpan.FromHours(3)); // 出欠 opens on the class's day

        var coordinator = app.CreateBrowserLikeClient();
        using var _ = await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        using var attended = await coordinator.SubmitFormAsync($"/Coordinator/Classes/{session}/Roster",
            new Dictionary<string, string> { ["attended"] = "true" }, $"tr[data-code='{code}'] form[action*='handler=Attendance']");
        Assert.Equal(HttpStatusCode.Redirect, attended.StatusCode);

        var entries = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(e => e.SubjectId == code).OrderBy(e => e.Id).ToList()));
        Assert.Equal([("booking.confirmed", "住民"), ("booking.attended", DemoAccounts.CoordinatorEmail)], entries.Select(e => (e.Action, e.Actor)));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal([now - TimeSpan.FromHours(3), now], entries.Select(e => e.AtUtc));
    }
}
