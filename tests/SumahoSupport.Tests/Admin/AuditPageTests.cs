using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Admin;

/// <summary>
/// 操作履歴 as an administrator reads it — filtered by date, actor, action and subject, newest first, paged, as CSV — and
/// as an auditor relies on it: no code path and no SQL statement can change or delete an entry.
/// </summary>
public sealed class AuditPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Filters_NarrowTheTrail_NewestFirst_AndTheCsvHasTheSameRows()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(booked.Code, null, default));
        var admin = await AdminAsync();

        var today = JapaneseTime.TodayInTokyo(app.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await admin.GetDocumentAsync($"/Admin/Audit?Filter.SubjectType=Booking&Filter.SubjectId={booked.Code}&Filter.From={today}&Filter.To={today}");
        var actions = page.QuerySelectorAll("#audit tbody tr").Select(r => r.Children[2].TextContent).ToList();
        Assert.Equal(["booking.cancelled", "booking.confirmed"], actions);

        var onlyCancellations = await admin.GetDocumentAsync($"/Admin/Audit?Filter.Action=booking.cancelled&Filter.SubjectId={booked.Code}");
        Assert.Single(onlyCancellations.QuerySelectorAll("#audit tbody tr"));
        var byPrefix = await admin.GetDocumentAsync($"/Admin/Audit?Filter.Action=booking&Filter.SubjectId={booked.Code}");
        Assert.Equal(2, byPrefix.QuerySelectorAll("#audit tbody tr").Length);
        var yesterday = JapaneseTime.TodayInTokyo(app.Clock).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var beforeToday = await admin.GetDocumentAsync($"/Admin/Audit?Filter.SubjectId={booked.Code}&Filter.To={yesterday}");
        Assert.Empty(beforeToday.QuerySelectorAll("#audit tbody tr"));
        var coordinator = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CoordinatorEmail).Select(u => u.Id).SingleAsync());
        using (await admin.SubmitFormAsync($"/Admin/Accounts/{coordinator}", new Dictionary<string, string>(), "form[action*='handler=PasswordReset']"))
        {
        }
        var byActor = await admin.GetDocumentAsync($"/Admin/Audit?Filter.Actor=admin@&Filter.SubjectId={coordinator}");
        Assert.Equal(["account.password-reset-sent"], byActor.QuerySelectorAll("#audit tbody tr").Select(r => r.Children[2].TextContent));
        Assert.Empty((await admin.GetDocumentAsync($"/Admin/Audit?Filter.Actor=nobody@&Filter.SubjectId={coordinator}")).QuerySelectorAll("#audit tbody tr"));

        using var csv = await admin.GetAsync($"/Admin/Audit?Filter.SubjectId={booked.Code}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("booking.cancelled", lines[1], StringComparison.Ordinal);
        Assert.Contains(await app.AuditEntriesAsync("report.exported"), e => e.SubjectId == "操作履歴.csv");
    }

    [Fact]
    public async Task ALongTrail_IsPaged_WithLinksBothWays()
    {
        var session = await app.CreateSessionAsync(capacity: 200);
        for (var i = 0; i < AuditTrail.PageSize + 5; i++) await app.BookAsync(session, TestData.Resident());
        var admin = await AdminAsync();
        var first = await admin.GetDocumentAsync("/Admin/Audit?Filter.Action=booking.confirmed");
        Assert.Equal(AuditTrail.PageSize, first.QuerySelectorAll("#audit tbody tr").Length);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(next);
        Assert.NotEmpty(second.QuerySelectorAll("#audit tbody tr"));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
        var firstIds = first.QuerySelectorAll("#audit tbody tr").Select(r => r.TextContent).ToHashSet();
        Assert.DoesNotContain(second.QuerySelectorAll("#audit tbody tr").Select(r => r.TextContent), firstIds.Contains);
    }

    [Fact]
    public async Task BadFilterValues_AreExplained_NeverAnError()
    {
        var admin = await AdminAsync();
        foreach (var query in new[] { "Filter.From=2026-02-30", "Filter.From=2027-01-02&Filter.To=2027-01-01", "Filter.Action=%3Cscript%3E", "Filter.SubjectType=%27%20OR%201%3D1", $"Filter.Actor={new string('あ', 300)}", "p=-5", "p=999999", "format=pdf",
                     "Filter.From=0001-01-01&Filter.To=9999-12-31", "from=0001-01-01&to=9999-12-31", "Filter.To=9999-12-31", "p=2147483647" })
        {
            using var response = await admin.GetAsync($"/Admin/Audit?{query}");
            Assert.True((int)response.StatusCode is 200 or 400, $"{query} → {(int)response.StatusCode}");
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoCodePath_CanChangeOrDeleteAnEntry()
    {
        var id = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == id);
            entry.Details = "書き換え";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == id));
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task TheDatabase_RefusesUpdatesAndDeletesOfEntries_WhateverTheStatement()
    {
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        var id = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Id));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db =>
            db.AuditEntries.Where(e => e.Id == id).ExecuteUpdateAsync(e => e.SetProperty(x => x.Actor, "だれか"))));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.AuditEntries.Where(e => e.Id == id).ExecuteDeleteAsync()));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.AuditEntries.ExecuteDeleteAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.NotEqual("だれか", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Id == id).Select(e => e.Actor).SingleAsync()));
    }

    private Task<HttpClient> AdminAsync() => app.SignedInClientAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
}
