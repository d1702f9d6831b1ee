using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Hosting;

/// <summary>A city's first day, in Production on an empty database: no demo data, two-step sign-in required for staff.</summary>
public sealed class EmptyProductionAppFactory : AppFactory
{
    protected override string EnvironmentName => "Production";

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", "false");
    }
}

/// <summary>
/// Everything from nothing, through the app: the first administrator from <c>create-admin</c>, who sets up two-step
/// sign-in and invites a coordinator; the coordinator sets a password and an authenticator, adds a venue and a course,
/// schedules a class; a resident finds it and books it.
/// </summary>
public sealed partial class ProductionStartTests(EmptyProductionAppFactory app) : IClassFixture<EmptyProductionAppFactory>
{
    [Fact]
    public async Task FromCreateAdmin_ToAResidentsBooking_AllThroughTheApp()
    {
        _ = app.Server;
        Assert.Equal(0, await app.WithDbAsync(db => db.Venues.CountAsync()));
        var (exitCode, output) = await WebCommand.RunAsync(app.ConnectionString, "create-admin", "--email", "chief@city.example.jp", "--name", "情報政策課");
        Assert.True(exitCode == 0, output);
        var adminPassword = PrintedPassword().Match(output).Groups["password"].Value;

        var admin = app.CreateBrowserLikeClient();
        using (await admin.SignInAsync("chief@city.example.jp", adminPassword))
        {
        }
        using (var first = await admin.GetAsync("/Admin")) Assert.StartsWith("/Account/TwoFactor", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await TwoStep.SetUpAsync(admin, app.Clock);
        using (var invited = await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string>
               {
                   ["Invite.Email"] = "coordinator@city.example.jp", ["Invite.DisplayName"] = "山本 花子（福祉課）", ["Invite.Role"] = "Coordinator",
               }, "form#invite"))
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == "coordinator@city.example.jp"));
        Assert.Contains("https://sumaho.midori.example.jp/Account/SetPassword", mail.TextBody, StringComparison.Ordinal);
        var coordinator = app.CreateBrowserLikeClient();
        const string password = "Fukushi-Ka-2027";
        using (var set = await coordinator.SubmitFormAsync(new Uri(SetPasswordLink().Match(mail.TextBody).Value).PathAndQuery,
                   new Dictionary<string, string> { ["Input.Password"] = password, ["Input.Confirm"] = password }))
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        using (await coordinator.SignInAsync("coordinator@city.example.jp", password))
        {
        }
        await TwoStep.SetUpAsync(coordinator, app.Clock);

        using (var venue = await coordinator.SubmitFormAsync("/Coordinator/Venues/Edit", new Dictionary<string, string>
               {
                   ["Input.Name"] = "みどり市中央公民館", ["Input.Address"] = "みどり市中央1-2-3", ["Input.Phone"] = "0120-000-101",
                   ["Input.LoanerDevices"] = "4", ["Input.Rooms"] = "講座室1 12",
               }))
            Assert.Equal(HttpStatusCode.Redirect, venue.StatusCode);
        var title = $"はじめてのスマホ {Guid.NewGuid():N}"[..14];
        using (var course = await coordinator.SubmitFormAsync("/Coordinator/Courses/Edit", new Dictionary<string, string>
               {
                   ["Input.Title"] = title, ["Input.Summary"] = "電源の入れ方から電話のかけ方まで", ["Input.Topic"] = "基本操作", ["Input.Level"] = "Introductory",
                   ["Input.TargetOs"] = "Any", ["Input.DurationMinutes"] = "120", ["Input.DefaultCapacity"] = "8", ["Input.Goals"] = "電源を入れられる\n電話をかけられる",
                   ["Input.IsActive"] = "true",
               }))
            Assert.Equal(HttpStatusCode.Redirect, course.StatusCode);
        var (courseId, venueId) = await app.WithDbAsync(async db => (
            await db.Courses.Where(c => c.Title == title).Select(c => c.Id).SingleAsync(), await db.Venues.Select(v => v.Id).SingleAsync()));
        var date = JapaneseTime.TodayInTokyo(app.Clock).AddDays(10);
        using (var scheduled = await coordinator.SubmitFormAsync("/Coordinator/Classes/Edit", new Dictionary<string, string>
               {
                   ["Input.CourseId"] = courseId.ToString(CultureInfo.InvariantCulture), ["Input.VenueId"] = venueId.ToString(CultureInfo.InvariantCulture),
                   ["Input.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "12:00",
                   ["Input.Capacity"] = "8", ["Input.CutoffMinutes"] = "60", ["Input.LoanerDevices"] = "2",
               }))
            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);

        var resident = app.CreateBrowserLikeClient();
        var list = await resident.GetDocumentAsync("/Classes");
        var classLink = list.QuerySelectorAll("a").First(a => a.TextContent.Contains(title, StringComparison.Ordinal)).GetAttribute("href")!;
        var session = int.Parse(classLink.Split('/').Last(), CultureInfo.InvariantCulture);
        var (_, fields) = await ResidentForms.PrepareBookingAsync(resident, session);
        using var content = new FormUrlEncodedContent(fields);
        using var booked = await resident.PostAsync($"/Classes/{session}/Book?handler=Confirm", content);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var slip = await resident.GetDocumentAsync(booked.Headers.Location!.OriginalString);
        Assert.Contains(title, slip.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ClassSessionId == session)));
    }

    [GeneratedRegex("パスワード（この一度だけ表示します）: (?<password>\\S+)")]
    private static partial Regex PrintedPassword();

    [GeneratedRegex(@"https?://\S+/Account/SetPassword\?\S+")]
    private static partial Regex SetPasswordLink();
}
