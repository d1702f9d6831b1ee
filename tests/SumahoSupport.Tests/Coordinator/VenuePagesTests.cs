using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Coordinator;

/// <summary>
/// 会場 are set up in the app: added with rooms and seats, changed, and retired only when nothing more is to be held
/// there — kept for history, and no longer offered when a class is scheduled.
/// </summary>
public sealed class VenuePagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ACoordinatorAddsAVenueWithRooms_AndChangesIt()
    {
        var coordinator = await CoordinatorAsync();
        var name = $"西公民館 {Guid.NewGuid():N}"[..12];
        using (var added = await coordinator.SubmitFormAsync("/Coordinator/Venues/Edit", Venue(name, rooms: "講座室A １２\n和室 8席")))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var venue = await app.WithDbAsync(db => db.Venues.Include(v => v.Rooms).SingleAsync(v => v.Name == name));
        Assert.Equal([("和室", 8), ("講座室A", 12)], venue.Rooms.OrderBy(r => r.Name).Select(r => (r.Name, r.Seats)));
        Assert.Equal("0120-000-201", venue.Phone);

        using (var changed = await coordinator.SubmitFormAsync($"/Coordinator/Venues/Edit/{venue.Id}", Venue(name, rooms: "講座室A 16")))
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var room = await app.WithDbAsync(db => db.VenueRooms.SingleAsync(r => r.VenueId == venue.Id));
        Assert.Equal(("講座室A", 16), (room.Name, room.Seats));
        Assert.Contains("venue.created", await app.AuditActionsForAsync("Venue", venue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Mistakes_AreExplainedBesideTheirFields()
    {
        var coordinator = await CoordinatorAsync();
        var existing = await app.WithDbAsync(db => db.Venues.Select(v => v.Name).FirstAsync());
        using var refused = await coordinator.SubmitFormAsync("/Coordinator/Venues/Edit", Venue(existing, rooms: "講座室A", phone: "12"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Contains("同じ名前の会場", page.QuerySelector("#Input_Name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("席数がわかりません", page.QuerySelector("#Input_Rooms-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("市外局番から", page.QuerySelector("#Input_Phone-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVenueWithClassesAhead_CannotBeRetired_UntilTheyAreMovedOrCancelled_AndARetiredOneIsNotOffered()
    {
        var coordinator = await CoordinatorAsync();
        var session = await app.CreateSessionAsync(capacity: 5);
        var venue = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.VenueId).SingleAsync());
        var others = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.VenueId == venue && s.Id != session).Select(s => s.Id).ToListAsync());

        using (var refused = await coordinator.SubmitFormAsync("/Coordinator/Venues", new Dictionary<string, string>(), $"form[action*='handler=Retire'][action*='id={venue}']"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("これから", (await Forms.ParseAsync(refused)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Null(await app.WithDbAsync(db => db.Venues.Where(v => v.Id == venue).Select(v => v.RetiredAtUtc).SingleAsync()));

        // Call off every class ahead there, then it can be retired; it stays in the list, and out of the scheduling form.
        foreach (var id in others.Append(session))
        {
            using (await coordinator.SubmitFormAsync($"/Coordinator/Classes/{id}/Cancel", new Dictionary<string, string> { ["Reason"] = "会場の閉鎖" }))
            {
            }
        }
        using (var retired = await coordinator.SubmitFormAsync("/Coordinator/Venues", new Dictionary<string, string>(), $"form[action*='handler=Retire'][action*='id={venue}']"))
            Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var form = await coordinator.GetDocumentAsync("/Coordinator/Classes/Edit");
        Assert.DoesNotContain(form.QuerySelectorAll("select[name$='VenueId'] option"), o => o.GetAttribute("value") == venue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("使用終了", (await coordinator.GetDocumentAsync("/Coordinator/Venues")).QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        using (var back = await coordinator.SubmitFormAsync("/Coordinator/Venues", new Dictionary<string, string>(), $"form[action*='handler=Reinstate'][action*='id={venue}']"))
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        form = await coordinator.GetDocumentAsync("/Coordinator/Classes/Edit");
        Assert.Contains(form.QuerySelectorAll("select[name$='VenueId'] option"), o => o.GetAttribute("value") == venue.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, string> Venue(string name, string rooms, string phone = "0120-000-201") => new()
    {
        ["Input.Name"] = name, ["Input.Address"] = "みどり市西町1-1", ["Input.Access"] = "西駅から徒歩3分", ["Input.BarrierFreeNotes"] = "段差なし",
        ["Input.Phone"] = phone, ["Input.LoanerDevices"] = "3", ["Input.HasWifi"] = "true", ["Input.Rooms"] = rooms,
    };

    private Task<HttpClient> CoordinatorAsync() => app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
}
