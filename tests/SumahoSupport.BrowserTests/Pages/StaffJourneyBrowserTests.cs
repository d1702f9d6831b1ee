using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SumahoSupport.BrowserTests.Infrastructure;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Tests.Infrastructure;


namespace SumahoSupport.BrowserTests.Pages;

/// <summary>
/// The staff's journeys as they walk them — a coordinator at 1280 px, a supporter on a phone — with a screenshot of each
/// step under artifacts/screenshots/ for people to look at: a roster cancel that asks and is undone, a class page a
/// supporter declines from and the substitute the coordinator puts in, the audit trail in words, and a form that
/// survives the end of a session.
/// </summary>
public sealed class StaffJourneyBrowserTests(StaffBrowserApp browser) : IClassFixture<StaffBrowserApp>
{
    [Fact]
    public async Task ARosterCancel_AsksNamingTheResident_AndIsUndone()
    {
        var session = await browser.App.CreateSessionAsync(capacity: 1);
        var seated = Assert.IsType<BookingResult.Booked>(await browser.App.BookAsync(session, TestData.Resident(email: "kept@example.jp") with { Name = "残留 花子" }));
        var waiting = Assert.IsType<BookingResult.Waitlisted>(await browser.App.BookAsync(session, TestData.Resident()));
        var page = await browser.NewPageAsync(1280, 900);
        await page.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword, "/Coordinator");

        await page.GotoAsync($"/Coordinator/Classes/{session}/Roster");
        await Screenshots.SaveAsync(page, "staff-roster");
        await page.FollowAsync(() => page.Locator($"tr[data-code='{seated.Code}'] a[href$='/Cancel']").ClickAsync(), "**/Cancel");
        Assert.Equal("残留 花子 さんの予約をキャンセルしますか？", await page.Locator("h1").InnerTextAsync());
        await Screenshots.SaveAsync(page, "staff-roster-cancel-asks");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SubmitAndExpectRedirectAsync(() => page.Locator("main button.button-danger").ClickAsync(), $"**/Coordinator/Classes/{session}/Roster");
        Assert.True(await page.Locator($".undo-panel li[data-code='{seated.Code}']").IsVisibleAsync());
        await Screenshots.SaveAsync(page, "staff-roster-undo");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SubmitAndExpectRedirectAsync(() => page.Locator($".undo-panel li[data-code='{seated.Code}'] button").ClickAsync(), $"**/Coordinator/Classes/{session}/Roster");
        Assert.Contains("元に戻しました", await page.Locator(".status-message").InnerTextAsync(), StringComparison.Ordinal);
        var statuses = (await browser.App.BookingsOfAsync(session)).ToDictionary(b => b.Code, b => b.Status);
        Assert.Equal((BookingStatus.Confirmed, BookingStatus.Waitlisted), (statuses[seated.Code], statuses[waiting.Code]));

        await page.GotoAsync($"/Admin/Audit?Filter.SubjectId={seated.Code}");
        Assert.Equal(403, (await page.GotoAsync($"/Admin/Audit?Filter.SubjectId={seated.Code}"))!.Status);
        var admin = await browser.NewPageAsync(1280, 900);
        await admin.SignInAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword, "/Admin");
        await admin.GotoAsync($"/Admin/Audit?Filter.SubjectId={seated.Code}");
        Assert.StartsWith("予約の取り消しを元に戻した", await admin.Locator("#audit tr[data-action='booking.cancel-undone'] .audit-action").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(admin, "staff-audit-in-words");
        await Accessibility.AssertNoViolationsAsync(admin);
    }

    [Fact]
    public async Task ASupporterOpensTheirClassOnAPhone_Declines_AndTheCoordinatorPutsInTheSubstitute()
    {
        var app = browser.App;
        var session = await app.ClassAsync(EveningClasses.WednesdayAfter(app, 112));
        var me = await app.DemoSupporterAsync();
        var lead = await app.EveningSupporterAsync("講師 一郎", SupporterStatus.Lead);
        var substitute = await app.EveningSupporterAsync("代理 二郎");
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(session, lead, AssignmentRole.Lecturer));
        Assert.Equal(AssignResult.Assigned, await app.AssignAsync(session, me, AssignmentRole.Assistant));
        await app.BookAsync(session, TestData.Resident() with { Name = "配慮 太郎", Needs = "目が見えにくいので、大きな字でお願いします" });

        var phone = await browser.NewPageAsync();
        await phone.SignInAsync(DemoAccounts.SupporterEmail, DemoAccounts.SupporterPassword, "/Supporter");
        await phone.FollowAsync(() => phone.Locator($"a[href='/Supporter/Classes/{session}']").ClickAsync(), $"**/Supporter/Classes/{session}");
        Assert.Contains("目が見えにくい", await phone.Locator("#attendees").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(phone, "supporter-class");
        await Accessibility.AssertNoViolationsAsync(phone);
        await phone.Locator("#Reason").FillAsync("通院のため");
        await phone.SubmitAndExpectRedirectAsync(() => phone.Locator("button[formaction*='handler=Decline']").ClickAsync(), $"**/Supporter/Classes/{session}");
        await Screenshots.SaveAsync(phone, "supporter-class-declined");

        var coordinator = await browser.NewPageAsync(1280, 900);
        await coordinator.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword, "/Coordinator");
        Assert.Contains("通院のため", await coordinator.Locator("#declines").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(coordinator, "coordinator-home-declined");
        await coordinator.FollowAsync(() => coordinator.Locator($"#declines a[href='/Coordinator/Classes/{session}/Staff']").ClickAsync(), $"**/Coordinator/Classes/{session}/Staff");
        await Screenshots.SaveAsync(coordinator, "coordinator-staff-substitute");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await coordinator.SubmitAndExpectRedirectAsync(
            () => coordinator.Locator($"[data-declined='{me}'] form:has(input[name=substituteId][value='{substitute}']) button").ClickAsync(), $"**/Coordinator/Classes/{session}/Staff");
        Assert.Contains("代理 二郎", await coordinator.Locator(".match-list").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(coordinator, "coordinator-staff-replaced");
    }

    [Fact]
    public async Task AFormTypedPastTheEndOfTheSession_ComesBackFilledAfterSigningIn_AndIsNotSaved()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await page.Clock.InstallAsync();
        await page.SignInAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword, "/Coordinator");
        await page.GotoAsync("/Coordinator/Courses/Edit");
        Assert.Contains("30分", await page.Locator("main form .session-note").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#Input_Title").FillAsync("時間切れを越えた講座");

        // Shortly before the end, a warning offers to go on.
        await page.Clock.FastForwardAsync("28:30");
        Assert.True(await page.Locator("#session-warning").IsVisibleAsync());
        await Screenshots.SaveAsync(page, "staff-session-warning");
        await page.Locator("#session-warning button").ClickAsync();
        await page.Locator("#session-warning").WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // The session ends anyway (the sign-in cookie is gone): the form is sent, and the sign-in page comes.
        await page.Context.ClearCookiesAsync(new() { Name = "sumaho.auth" });
        await page.FollowAsync(() => page.Locator("main form button[type=submit].button-primary").ClickAsync(), "**/Account/Login**");
        await page.GetByLabel("メールアドレス").FillAsync(DemoAccounts.CoordinatorEmail);
        await page.GetByLabel("パスワード").FillAsync(DemoAccounts.CoordinatorPassword);
        await page.SubmitAndExpectRedirectAsync(() => page.GetByLabel("パスワード").PressAsync("Enter"), "**/Coordinator/Courses/Edit");
        Assert.True(await page.Locator("#draft-restored").IsVisibleAsync());
        Assert.Equal("時間切れを越えた講座", await page.Locator("#Input_Title").InputValueAsync());
        await Screenshots.SaveAsync(page, "staff-form-restored");
        Assert.False(await browser.App.WithDbAsync(db => db.Courses.AnyAsync(c => c.Title == "時間切れを越えた講座")));
    }
}
