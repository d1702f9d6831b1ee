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
        var actions = page.QuerySelectorAll("#audit tbody tr").Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Equal(["booking.cancelled", "booking.confirmed"], actions);

        var onlyCancellations = await admin.GetDocumentAsync($"/Admin/Audit?Filter.Action=booking.cancelled&Filter.SubjectId={booked.Code}");
        Assert.Single(onlyCancellations.QuerySelectorAll("#audit tbody tr"));
        var byPrefix = await admin.GetDocumentAsync($"/Admin/Audit?Filter.Action=booking&Filter.SubjectId={booked.Code}");
        Assert.Equal(2, byPrefix.QuerySelectorAll("#audit tbody tr").Length);
        var yesterday = JapaneseTime.TodayInTokyo(app.Clock).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var beforeToday = await admin.GetDocumentAsync($"/Admin/Audit?Filter.SubjectId={booked.Code}&Filter.To={yesterday}");
        Assert.Empty(beforeToday.QuerySelectorAll("#audit tbody tr"));
        // The supporter's account: another test of this class resets the coordinator's, and xUnit's order is not ours.
        var account = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.SupporterEmail).Select(u => u.Id).SingleAsync());
        using (await admin.SubmitFormAsync($"/Admin/Accounts/{account}", new Dictionary<string, string>(), "form[action*='handler=PasswordReset']"))
        {
        }
        var byActor = await admin.GetDocumentAsync($"/Admin/Audit?Filter.Actor=admin@&Filter.SubjectId={account}");
        Assert.Equal(["account.password-reset-sent"], byActor.QuerySelectorAll("#audit tbody tr").Select(r => r.GetAttribute("data-action")));
        Assert.Empty((await admin.GetDocumentAsync($"/Admin/Audit?Filter.Actor=nobody@&Filter.SubjectId={account}")).QuerySelectorAll("#audit tbody tr"));

        using var csv = await admin.GetAsync($"/Admin/Audit?Filter.SubjectId={booked.Code}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("booking.cancelled", lines[1], StringComparison.Ordinal);
        Assert.Contains(await app.AuditEntriesAsync("report.exported"), e => e.SubjectId == "操作履歴.csv");
    }

    [Fact]
    public async Task TheTrail_ReadsInWords_WithWhoDidItByNameAndRole_AndEachSubjectLinksToItsPage()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident()));
        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        using (var cancelled = await coordinator.SubmitFormAsync($"/Coordinator/Classes/{session}/Bookings/{booked.Code}/Cancel", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var admin = await AdminAsync();
        var coordinatorAccount = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CoordinatorEmail).Select(u => new { u.Id, u.DisplayName }).SingleAsync());
        using (await admin.SubmitFormAsync($"/Admin/Accounts/{coordinatorAccount.Id}", new Dictionary<string, string>(), "form[action*='handler=PasswordReset']"))
        {
        }

        var trail = await admin.GetDocumentAsync($"/Admin/Audit?Filter.SubjectId={booked.Code}");
        var cancel = trail.QuerySelector("#audit tr[data-action='booking.cancelled']")!;
        Assert.StartsWith("予約を取り消した", cancel.QuerySelector(".audit-action")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CoordinatorEmail).Select(u => u.DisplayName).SingleAsync()) + "コーディネーター",
            cancel.QuerySelector(".audit-actor")!.TextContent.Trim());
        Assert.Equal($"/Coordinator/Bookings?q={booked.Code}", cancel.QuerySelector(".audit-subject a")!.GetAttribute("href"));
        Assert.StartsWith("予約を受けた", trail.QuerySelector("#audit tr[data-action='booking.confirmed'] .audit-action")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("システム", trail.QuerySelector("#audit tr[data-action='booking.confirmed'] .audit-actor")!.TextContent, StringComparison.Ordinal);

        // An account is named, not shown as its id, and links to its page; the filter offers actions in words.
        var account = await admin.GetDocumentAsync($"/Admin/Audit?Filter.SubjectId={coordinatorAccount.Id}");
        var reset = account.QuerySelector("#audit tr[data-action='account.password-reset-sent'] .audit-subject a")!;
        Assert.Equal((coordinatorAccount.DisplayName, $"/Admin/Accounts/{coordinatorAccount.Id}"), (reset.TextContent, reset.GetAttribute("href")));
        Assert.Equal("予約を取り消した", account.QuerySelector("#Filter_Action option[value='booking.cancelled']")!.TextContent);

        // English readers read English words; the CSV keeps the codes beside the words.
        using (await admin.GetAsync(trail.QuerySelector("a[lang=en]")!.GetAttribute("href"))) { }
        var english = await admin.GetDocumentAsync($"/Admin/Audit?Filter.SubjectId={booked.Code}");
        Assert.StartsWith("Cancelled a booking", english.QuerySelector("#audit tr[data-action='booking.cancelled'] .audit-action")!.TextContent, StringComparison.Ordinal);
        using var csv = await admin.GetAsync($"/Admin/Audit?Filter.SubjectId={booked.Code}&format=csv");
        Assert.Contains("booking.cancelled,予約を取り消した", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every action the code writes has words, so the trail never falls back to a bare code.</summary>
    [Fact]
    public void EveryActionWritten_HasWords()
    {
        var written = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"""([a-z\-]+\.[a-z\-]+)""").Select(m => m.Groups[1].Value))
            .Where(a => a.Split('.')[0] is "account" or "assignment" or "booking" or "call" or "consultation" or "consultation-schedule" or "course" or "follow-up"
                or "mail" or "report" or "resident" or "series" or "session" or "support-log" or "supporter" or "survey" or "survey-template" or "training" or "venue")
            .Where(a => !a.EndsWith(".cshtml", StringComparison.Ordinal) && !a.EndsWith(".csv", StringComparison.Ordinal) && !a.EndsWith(".ics", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(written.Except(AuditLabels.KnownActions));
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
