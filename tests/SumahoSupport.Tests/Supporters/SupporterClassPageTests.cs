using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Supporters;

/// <summary>
/// A supporter opens the class they are on: time, place, the other supporters, and who comes with what they need —
/// their phone numbers only for the 講師 on the day, never to a supporter who is not on the class.
/// </summary>
public sealed class SupporterClassPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheClassPage_ShowsWhoComesAndWhatTheyNeed_AndPhonesOnlyToTheLecturerOnTheDay()
    {
        var date = EveningClasses.WednesdayAfter(app, 70);
        var session = await app.ClassAsync(date);
        var other = await app.ClassAsync(date.AddDays(7));
        var me = await app.DemoSupporterAsync();
        var helper = await app.EveningSupporterAsync("補助 花子");
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(session, me, AssignmentRole.Lecturer));
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(session, helper, AssignmentRole.Assistant));
        var phone = TestData.NextPhone();
        await app.BookAsync(session, TestData.Resident(phone, email: "wheel@example.jp") with { Name = "車 椅子", Needs = "車いすで参加します" });

        var supporter = await app.SignedInClientAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        var home = await supporter.GetDocumentAsync("/Supporter");
        var link = home.QuerySelector($"a[href='/Supporter/Classes/{session}']");
        Assert.NotNull(link);
        var page = await supporter.GetDocumentAsync($"/Supporter/Classes/{session}");
        Assert.Contains("補助 花子", page.QuerySelector("#colleagues")!.TextContent, StringComparison.Ordinal);
        var attendee = page.QuerySelector("#attendees li")!;
        Assert.Contains("車 椅子", attendee.TextContent, StringComparison.Ordinal);
        Assert.Contains("車いすで参加します", attendee.TextContent, StringComparison.Ordinal);
        Assert.Null(attendee.QuerySelector(".attendee-phone"));
        Assert.DoesNotContain(PhoneNumber.Format(phone), page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("wheel@example.jp", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        using (var notMine = await supporter.GetAsync($"/Supporter/Classes/{other}")) Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);

        // On the class's day, the 講師 sees the numbers, to ring someone who is late; still never an e-mail.
        app.Clock.Advance(JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(9, 0))) - app.Clock.GetUtcNow().UtcDateTime);
        var onTheDay = await app.SignedInClientAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        var today = await onTheDay.GetDocumentAsync($"/Supporter/Classes/{session}");
        Assert.Equal(PhoneNumber.Format(phone), today.QuerySelector("#attendees .attendee-phone a")!.TextContent);
        Assert.DoesNotContain("wheel@example.jp", today.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }
}

/// <summary>
/// A supporter who cannot come says so in the app: the class counts them out, the coordinators hear it by mail and on
/// their home page, and one click puts in a free, qualified substitute — checked, invited and audited as any assignment.
/// </summary>
public sealed class AssignmentDeclineTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ADecline_TellsTheCoordinator_AndASubstituteIsPutInWithOneClick()
    {
        var session = await app.ClassAsync(EveningClasses.WednesdayAfter(app, 84));
        var me = await app.DemoSupporterAsync();
        var lead = await app.EveningSupporterAsync("講師 一郎", SupporterStatus.Lead);
        var substitute = await app.EveningSupporterAsync("代理 二郎");
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(session, lead, AssignmentRole.Lecturer));
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(session, me, AssignmentRole.Assistant));
        for (var i = 0; i < 2; i++) await app.BookAsync(session, TestData.Resident());

        var supporter = await app.SignedInClientAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword);
        var answer = await supporter.GetDocumentAsync($"/Supporter/Classes/{session}");
        var form = answer.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#answer form")!;
        var fields = Forms.FieldsOf(form);
        fields["Reason"] = "通院のため";
        using (var declined = await supporter.PostAsync(answer.QuerySelector("#answer button[formaction*='handler=Decline']")!.GetAttribute("formaction"), new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        }
        var assignment = await app.WithDbAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.ClassSessionId == session && a.SupporterId == me));
        Assert.Equal((AssignmentResponse.Declined, "通院のため"), (assignment.Response, assignment.DeclineReason));
        var mail = Assert.Single(await app.OutboxAsync(), m => m.Kind == "assignment-declined");
        Assert.Equal(DemoAccounts.CoordinatorEmail, mail.ToAddress);
        Assert.Contains("通院のため", mail.TextBody, StringComparison.Ordinal);
        var check = await app.WithScopeAsync(s => s.GetRequiredService<StaffingService>().CheckAsync([session], default));
        Assert.Equal(0, check[session].Helpers);

        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var home = await coordinator.GetDocumentAsync("/Coordinator");
        Assert.Contains("通院のため", home.QuerySelector("#declines")!.TextContent, StringComparison.Ordinal);
        var staff = await coordinator.GetDocumentAsync($"/Coordinator/Classes/{session}/Staff");
        var offer = staff.QuerySelector($"[data-declined='{me}'] form:has(input[name=substituteId][value='{substitute}'])");
        Assert.NotNull(offer);
        using (var replaced = await coordinator.SubmitFormAsync($"/Coordinator/Classes/{session}/Staff", new Dictionary<string, string>(),
                   $"[data-declined='{me}'] form:has(input[name=substituteId][value='{substitute}'])"))
        {
            Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        }

        var staffNow = await app.WithDbAsync(db => db.Assignments.AsNoTracking().Where(a => a.ClassSessionId == session).OrderBy(a => a.SupporterId)
            .Select(a => new { a.SupporterId, a.Role, a.Response }).ToListAsync());
        Assert.Equal([(lead, AssignmentRole.Lecturer), (substitute, AssignmentRole.Assistant)], staffNow.Select(a => (a.SupporterId, a.Role)).OrderBy(a => a.SupporterId));
        var invitations = (await app.OutboxAsync()).Where(m => m.RelatesTo == $"assignment-{session}-{substitute}" || m.RelatesTo == $"assignment-{session}-{me}").ToList();
        Assert.Contains(invitations, m => m.RelatesTo == $"assignment-{session}-{substitute}" && m.CalendarMethod == "REQUEST");
        Assert.Contains(invitations, m => m.RelatesTo == $"assignment-{session}-{me}" && m.CalendarMethod == "CANCEL");
        Assert.Contains("assignment.replaced", (await app.AuditEntriesAsync("assignment.replaced")).Select(e => e.Action));
        Assert.Null((await coordinator.GetDocumentAsync("/Coordinator")).QuerySelector("#declines"));
    }
}

/// <summary>
/// 担当をまとめて: one supporter for a whole series in one confirmed step, the dates they are not free shown and left
/// out, each date assigned with every guard and its own invitation.
/// </summary>
public sealed class SeriesStaffingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AWholeSeries_IsStaffedInOneStep_WithTheDateTheyAreBusyShownAndLeftOut()
    {
        var first = EveningClasses.WednesdayAfter(app, 98);
        var (course, venues) = await app.WithDbAsync(async db => (await db.Courses.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), await db.Venues.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync()));
        var saved = await app.WithScopeAsync(s => s.GetRequiredService<ClassScheduleService>().CreateSeriesAsync(
            new SeriesDraft(course, venues[0], first, new TimeOnly(18, 0), 120, "FREQ=WEEKLY", 8, 60, 0, null, KeepHolidays: true, Classes: 3), default));
        var series = Assert.IsType<ScheduleResult.SeriesSaved>(saved).SeriesId;
        var helper = await app.EveningSupporterAsync("通し 三郎");
        // The second Wednesday they already help at another class at that hour.
        var elsewhere = await app.ClassAsync(first.AddDays(7));
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(elsewhere, helper, AssignmentRole.Assistant));

        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var url = $"/Coordinator/Classes/Series/{series}/Staff?SupporterId={helper}&Role=Assistant";
        var page = await coordinator.GetDocumentAsync(url);
        var dates = page.QuerySelectorAll("#series-dates li").Select(li => (Checked: li.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input")!.IsChecked, Why: li.QuerySelector(".badge")?.TextContent)).ToList();
        Assert.Equal([(true, null), (false, "同じ時間に別の担当（教室・相談）あり"), (true, null)], dates);

        using (var staffed = await coordinator.PostAsync(url, new FormUrlEncodedContent(Forms.PairsOf(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#staff-series")!))))
            Assert.Equal(HttpStatusCode.Redirect, staffed.StatusCode);

        var sessions = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.SeriesId == series).OrderBy(s => s.StartsAtUtc)
            .Select(s => s.Assignments.Any(a => a.SupporterId == helper)).ToListAsync());
        Assert.Equal([true, false, true], sessions);
        Assert.Equal(2, (await app.OutboxAsync()).Count(m => m.Kind == "supporter-assignment" && m.ToName == "通し 三郎" && m.RelatesTo != $"assignment-{elsewhere}-{helper}"));
        var again = await coordinator.GetDocumentAsync(url);
        Assert.Equal(2, again.QuerySelectorAll("#series-dates .badge-open").Length);
    }
}
