using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Pages.Consultations;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// Every page of the app as its endpoints list it, who may open each, and an address to it with real data — shared by
/// the authorization matrix (HTTP) and the every-page browser run (Chromium), so a new page is declared once.
/// </summary>
public static class SitePages
{
    public enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Anyone, but what it shows is behind a secret in the link: without it, nothing (404/400).</summary>
        SecretLink,

        /// <summary>The second step of a sign-in: without a first step pending, it sends anyone back to the sign-in page.</summary>
        SecondStep,

        /// <summary>Any signed-in account (their own settings).</summary>
        SignedIn,

        /// <summary>Signed in; the page itself lets only the owner (the demo supporter here) and staff through.</summary>
        OwnerOrStaff,

        Supporter,

        /// <summary>Coordinators and administrators.</summary>
        Staff,

        Admin,
    }

    public static readonly string[] Visitors = ["anonymous", "resident", "supporter", "coordinator", "admin"];

    /// <summary>Every page's expected access and a URL to it with real data.</summary>
    public static readonly IReadOnlyDictionary<string, (Access Access, Func<Samples, string> Url)> Expected = new Dictionary<string, (Access, Func<Samples, string>)>(StringComparer.Ordinal)
    {
        ["/Index"] = (Access.Public, _ => "/"),
        ["/Accessibility"] = (Access.Public, _ => "/Accessibility"),
        ["/Privacy"] = (Access.Public, _ => "/Privacy"),
        ["/Display"] = (Access.Public, _ => "/Display?size=large&returnUrl=%2F"),
        ["/Error"] = (Access.Public, _ => "/Error/404"),
        ["/Classes/Index"] = (Access.Public, _ => "/Classes"),
        ["/Classes/Details"] = (Access.Public, s => $"/Classes/{s.Session}"),
        ["/Classes/Book"] = (Access.Public, s => $"/Classes/{s.Session}/Book"),
        ["/Consultations/Index"] = (Access.Public, _ => "/Consultations"),
        ["/Consultations/Book"] = (Access.Public, s => s.ConsultationSlot),
        ["/Calendar/Venue"] = (Access.Public, s => $"/Calendar/Venues/{s.Venue}.ics"),
        ["/OpenData/Index"] = (Access.Public, _ => "/opendata"),
        ["/OpenData/Events"] = (Access.Public, _ => "/opendata/events.csv"),
        ["/OpenData/Results"] = (Access.Public, _ => "/opendata/results.csv"),
        ["/Account/Login"] = (Access.Public, _ => "/Account/Login"),
        ["/Account/AccessDenied"] = (Access.Public, _ => "/Account/AccessDenied"),
        ["/Account/LoginWith2fa"] = (Access.SecondStep, _ => "/Account/LoginWith2fa"),
        ["/Account/LoginWithRecoveryCode"] = (Access.SecondStep, _ => "/Account/LoginWithRecoveryCode"),
        ["Supporter/Apply"] = (Access.Public, _ => "/Supporter/Apply"),
        ["/Bookings/Find"] = (Access.Public, _ => "/Bookings/Find"),
        ["/Bookings/Show"] = (Access.SecretLink, s => $"/Bookings/{s.BookingCode}?token={s.BookingToken}"),
        ["/Bookings/Cancel"] = (Access.SecretLink, s => $"/Bookings/{s.BookingCode}/Cancel?token={s.BookingToken}"),
        ["/Bookings/Calendar"] = (Access.SecretLink, s => $"/Bookings/{s.BookingCode}/Calendar?token={s.BookingToken}"),
        ["/Consultations/Calendar"] = (Access.SecretLink, s => $"/Consultations/{s.ConsultationCode}/Calendar?token={s.ConsultationToken}"),
        ["/Bookings/Move"] = (Access.SecretLink, s => $"/Bookings/{s.BookingCode}/Move?token={s.BookingToken}"),
        ["/Consultations/Show"] = (Access.SecretLink, s => $"/Consultations/{s.ConsultationCode}?token={s.ConsultationToken}"),
        ["/Survey/Index"] = (Access.SecretLink, s => $"/Survey/{s.SurveyToken}"),
        ["/Calendar/Supporter"] = (Access.SecretLink, s => $"/Calendar/Supporters/{s.FeedToken}.ics"),
        ["/Account/SetPassword"] = (Access.SecretLink, s => s.SetPasswordLink),
        ["/Account/Logout"] = (Access.SignedIn, _ => "/Account/Logout"),
        ["/Account/KeepAlive"] = (Access.SignedIn, _ => "/Account/KeepAlive"),
        ["/Account/Manage"] = (Access.SignedIn, _ => "/Account/Manage"),
        ["/Account/TwoFactor"] = (Access.SignedIn, _ => "/Account/TwoFactor"),
        ["/Certificates/Show"] = (Access.OwnerOrStaff, s => $"/Certificates/{s.Certificate}"),
        ["Supporter/Index"] = (Access.Supporter, _ => "/Supporter"),
        ["Supporter/Availability"] = (Access.Supporter, _ => "/Supporter/Availability"),
        ["Supporter/Logs/Index"] = (Access.Supporter, _ => "/Supporter/Logs"),
        ["Supporter/Logs/New"] = (Access.Supporter, _ => "/Supporter/Logs/New"),
        ["Supporter/Classes/Show"] = (Access.Supporter, s => $"/Supporter/Classes/{s.SupporterSession}"),
        ["Supporter/Training/Index"] = (Access.Supporter, _ => "/Supporter/Training"),
        ["Supporter/Training/Module"] = (Access.Supporter, _ => "/Supporter/Training/line"),
        ["Coordinator/Index"] = (Access.Staff, _ => "/Coordinator"),
        ["Coordinator/Report"] = (Access.Staff, _ => "/Coordinator/Report"),
        ["Coordinator/Bookings/Index"] = (Access.Staff, _ => "/Coordinator/Bookings"),
        ["Coordinator/Calls/Index"] = (Access.Staff, _ => "/Coordinator/Calls"),
        ["Coordinator/Classes/Edit"] = (Access.Staff, s => $"/Coordinator/Classes/Edit/{s.Session}"),
        ["Coordinator/Classes/Cancel"] = (Access.Staff, s => $"/Coordinator/Classes/{s.Session}/Cancel"),
        ["Coordinator/Classes/CancelBooking"] = (Access.Staff, s => $"/Coordinator/Classes/{s.Session}/Bookings/{s.BookingCode}/Cancel"),
        ["Coordinator/Classes/Merge"] = (Access.Staff, s => $"/Coordinator/Classes/{s.Session}/Merge?into={s.SupporterSession}"),
        ["Coordinator/Classes/ProxyBooking"] = (Access.Staff, s => $"/Coordinator/Classes/{s.Session}/ProxyBooking"),
        ["Coordinator/Classes/Roster"] = (Access.Staff, s => $"/Coordinator/Classes/{s.Session}/Roster"),
        ["Coordinator/Classes/Staff"] = (Access.Staff, s => $"/Coordinator/Classes/{s.Session}/Staff"),
        ["Coordinator/Classes/Surveys"] = (Access.Staff, s => $"/Coordinator/Classes/{s.Session}/Surveys"),
        ["Coordinator/Classes/SurveyHandout"] = (Access.Staff, s => $"/Coordinator/Classes/{s.Session}/SurveyHandout"),
        ["Coordinator/Classes/Series/Index"] = (Access.Staff, _ => "/Coordinator/Classes/Series"),
        ["Coordinator/Classes/Series/Edit"] = (Access.Staff, s => $"/Coordinator/Classes/Series/{s.Series}"),
        ["Coordinator/Classes/Series/Staff"] = (Access.Staff, s => $"/Coordinator/Classes/Series/{s.Series}/Staff"),
        ["Coordinator/Consultations/Index"] = (Access.Staff, _ => "/Coordinator/Consultations"),
        ["Coordinator/Consultations/Show"] = (Access.Staff, s => $"/Coordinator/Consultations/{s.ConsultationCode}"),
        ["Coordinator/Consultations/Analytics"] = (Access.Staff, _ => "/Coordinator/Consultations/Analytics"),
        ["Coordinator/Consultations/Logs/Index"] = (Access.Staff, _ => "/Coordinator/Consultations/Logs"),
        ["Coordinator/Consultations/Logs/New"] = (Access.Staff, _ => "/Coordinator/Consultations/Logs/New"),
        ["Coordinator/Courses/Index"] = (Access.Staff, _ => "/Coordinator/Courses"),
        ["Coordinator/Courses/Edit"] = (Access.Staff, s => $"/Coordinator/Courses/Edit/{s.Course}"),
        ["Coordinator/Dashboard/Index"] = (Access.Staff, _ => "/Coordinator/Dashboard"),
        ["Coordinator/Dashboard/Breakdown"] = (Access.Staff, _ => "/Coordinator/Dashboard/Breakdown?by=Venue"),
        ["Coordinator/Dashboard/Export"] = (Access.Staff, _ => "/Coordinator/Dashboard/Export?view=sessions&format=csv"),
        ["Coordinator/FollowUps/Index"] = (Access.Staff, _ => "/Coordinator/FollowUps"),
        ["Coordinator/Mail/Index"] = (Access.Staff, _ => "/Coordinator/Mail"),
        ["Coordinator/Mail/Show"] = (Access.Staff, s => $"/Coordinator/Mail/{s.Mail}"),
        ["Coordinator/Residents/Index"] = (Access.Staff, _ => "/Coordinator/Residents"),
        ["Coordinator/Residents/Show"] = (Access.Staff, s => $"/Coordinator/Residents/{s.Participant}"),
        ["Coordinator/Supporters/Index"] = (Access.Staff, _ => "/Coordinator/Supporters"),
        ["Coordinator/Supporters/Show"] = (Access.Staff, s => $"/Coordinator/Supporters/{s.Supporter}"),
        ["Coordinator/Supporters/Hours"] = (Access.Staff, _ => "/Coordinator/Supporters/Hours"),
        ["Coordinator/SurveyTemplates/Index"] = (Access.Staff, _ => "/Coordinator/SurveyTemplates"),
        ["Coordinator/SurveyTemplates/Edit"] = (Access.Staff, _ => "/Coordinator/SurveyTemplates/Edit"),
        ["Coordinator/Venues/Index"] = (Access.Staff, _ => "/Coordinator/Venues"),
        ["Coordinator/Venues/Edit"] = (Access.Staff, s => $"/Coordinator/Venues/Edit/{s.Venue}"),
        ["Admin/Index"] = (Access.Admin, _ => "/Admin"),
        ["Admin/Accounts/Index"] = (Access.Admin, _ => "/Admin/Accounts"),
        ["Admin/Accounts/Show"] = (Access.Admin, s => $"/Admin/Accounts/{s.Account}"),
        ["Admin/Audit/Index"] = (Access.Admin, _ => "/Admin/Audit"),
    };

    public static bool Allowed(Access access, string visitor) => access switch
    {
        Access.Public or Access.SecretLink or Access.SecondStep => true,
        Access.SignedIn or Access.OwnerOrStaff => visitor is "supporter" or "coordinator" or "admin",
        Access.Supporter => visitor == "supporter",
        Access.Staff => visitor is "coordinator" or "admin",
        _ => visitor == "admin",
    };

    /// <summary>
    /// Whether a visitor meets the page on a walk through the site: a page they may open, a resident being a stranger who
    /// holds their own booking's links. Second sign-in steps are left out: without a first step pending they send anyone
    /// back to the sign-in page, which is a page of its own.
    /// </summary>
    public static bool Opens(string visitor, Access access) => access switch
    {
        Access.SecondStep => false,
        Access.SecretLink => visitor != "anonymous",
        _ => Allowed(access, visitor == "resident" ? "anonymous" : visitor),
    };

    /// <summary>The same address without its secret: no token, or a made-up one where the secret is in the path.</summary>
    public static string WithoutSecret(string url) =>
        url.Contains("token=", StringComparison.Ordinal) ? url[..url.IndexOf("token=", StringComparison.Ordinal)] + "token=wrong"
        : url.StartsWith("/Survey/", StringComparison.Ordinal) ? "/Survey/not-a-real-token"
        : url.StartsWith("/Calendar/Supporters/", StringComparison.Ordinal) ? "/Calendar/Supporters/not-a-real-token.ics"
        : url;

    /// <summary>Every Razor page the app serves, with its POST handlers (null: the page's own OnPost).</summary>
    public static IEnumerable<(string Key, IReadOnlyList<string?> PostHandlers)> Pages(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>())
            .OfType<CompiledPageActionDescriptor>()
            .DistinctBy(d => (d.AreaName, d.ViewEnginePath))
            .Select(d => ($"{d.AreaName}{d.ViewEnginePath}",
                (IReadOnlyList<string?>)[.. d.HandlerMethods.Where(h => h.HttpMethod == "POST").Select(h => h.Name).Distinct()]))
            .OrderBy(p => p.Item1, StringComparer.Ordinal);

    /// <summary>
    /// Every page with the query names a GET binds: its properties that bind on GET and its GET handlers' parameters, a
    /// complex one by each of its own properties (<c>Filter.From</c>), and without their prefix too (MVC falls back to it).
    /// </summary>
    public static IEnumerable<(string Key, IReadOnlyList<string> Names)> QueryNames(IServiceProvider services)
    {
        var get = new Microsoft.AspNetCore.Mvc.ActionContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { Request = { Method = "GET" } } };
        foreach (var page in services.GetRequiredService<EndpointDataSource>().Endpoints
                     .Select(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>()).OfType<CompiledPageActionDescriptor>()
                     .DistinctBy(d => (d.AreaName, d.ViewEnginePath)))
        {
            var bound = page.BoundProperties
                .Where(p => p.BindingInfo?.RequestPredicate is not { } onlyIf || onlyIf(get))
                .Select(p => (p.BindingInfo, p.Name, p.ParameterType))
                .Concat(page.HandlerMethods.Where(h => h.HttpMethod == "GET").SelectMany(h => h.Parameters).Select(p => (p.BindingInfo, p.Name, p.ParameterType)))
                .Where(p => p.BindingInfo?.BindingSource is not { } source || (source != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path
                    && source != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Services && source != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Special))
                .Where(p => p.ParameterType != typeof(CancellationToken));
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (binding, name, type) in bound)
            {
                var prefix = binding?.BinderModelName ?? name;
                if (IsSimple(type)) names.Add(prefix);
                else
                {
                    foreach (var property in type.GetProperties().Where(p => p.CanWrite && IsSimple(p.PropertyType)))
                    {
                        names.Add($"{prefix}.{property.Name}");
                        names.Add(property.Name);
                    }
                }
            }
            if (names.Count > 0) yield return ($"{page.AreaName}{page.ViewEnginePath}", [.. names]);
        }
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(TimeOnly) || t == typeof(DateTimeOffset) || t == typeof(Guid);
    }

    public sealed record Samples(
        int Session, string BookingCode, string BookingToken, string SurveyToken, string ConsultationCode, string ConsultationToken,
        string ConsultationSlot, int Venue, int Course, int Series, int Supporter, long Mail, int Participant, string Account, string Certificate,
        string FeedToken, string SetPasswordLink, int SupporterSession);

    public static async Task<Samples> SamplesAsync(AppFactory app)
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(session, TestData.Resident(email: $"{Guid.NewGuid():N}@example.jp")));
        var date = JapaneseTime.TodayInTokyo(app.Clock).AddDays(7);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        var schedule = await app.AddPhoneConsultationDayAsync(date, new TimeOnly(13, 0), new TimeOnly(14, 0));
        var startsAt = JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(13, 0)));
        var consultation = Assert.IsType<ConsultationResult.Booked>(await app.WithScopeAsync(s => s.GetRequiredService<ConsultationService>().BookAsync(
            new ConsultationRequest(schedule.Id, startsAt, TestData.Resident(), ["line"], null), BookingChannel.Phone, default)));
        var (venue, course) = await app.WithDbAsync(async db => (await db.Venues.Select(v => v.Id).FirstAsync(), await db.Courses.Select(c => c.Id).FirstAsync()));
        var series = Assert.IsType<ScheduleResult.SeriesSaved>(await app.WithScopeAsync(s => s.GetRequiredService<ClassScheduleService>().CreateSeriesAsync(
            new SeriesDraft(course, venue, date.AddDays(7), new TimeOnly(10, 0), 120, "FREQ=WEEKLY;COUNT=2", 8, 60, 0, null, KeepHolidays: true), default))).SeriesId;
        var supporter = await app.WithDbAsync(db => db.Supporters.Where(s => s.Email == DemoAccounts.SupporterEmail).Select(s => s.Id).SingleAsync());
        var certificate = await app.WithDbAsync(db => db.Certifications.Where(c => c.SupporterId == supporter).Select(c => c.PublicId).FirstAsync());
        var feed = await app.WithScopeAsync(s => s.GetRequiredService<SupporterService>().FeedTokenAsync(supporter, default));
        // An evening class the demo supporter helps at, so their class page has one to show (the first evening they are
        // free: samples may be taken more than once in one app).
        var evening = 0;
        for (var day = date; evening == 0; day = day.AddDays(1))
        {
            var candidate = await app.CreateSessionAsync(capacity: 5, startsIn: JapaneseTime.ToUtc(day.ToDateTime(new TimeOnly(19, 0))) - app.Clock.GetUtcNow().UtcDateTime);
            if (await app.WithScopeAsync(s => s.GetRequiredService<Core.Staffing.StaffingService>()
                    .AssignAsync(candidate, supporter, Core.Staffing.AssignmentRole.Assistant, default)) == Core.Staffing.AssignResult.Assigned)
                evening = candidate;
        }
        var account = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CoordinatorEmail).Select(u => u.Id).SingleAsync());
        // A link of an account nobody signs in with here: a sign-in elsewhere may renew a stamp and end such a link.
        var setPassword = await app.WithScopeAsync(async s =>
        {
            var invited = await s.GetRequiredService<Core.Accounts.StaffAccountService>().InviteStaffAsync($"{Guid.NewGuid():N}@city.example.jp", "招待 中", Core.Data.Roles.Coordinator, default);
            var id = Assert.IsType<Core.Accounts.InviteResult.Invited>(invited).UserId;
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Data.AppUser>>();
            return $"/Account/SetPassword?user={id}&token={Uri.EscapeDataString(await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(id))!))}";
        });
        return await app.WithDbAsync(async db => new Samples(
            session, booked.Code, Uri.EscapeDataString(booked.Token),
            Uri.EscapeDataString(await db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.SurveyToken!).SingleAsync()),
            consultation.Code, Uri.EscapeDataString(consultation.Token),
            $"/Consultations/Book?schedule={schedule.Id}&start={ConsultationPlaces.StartKey(startsAt)}",
            venue, course, series, supporter, await db.OutboxMessages.MaxAsync(m => m.Id),
            await db.Bookings.Where(b => b.Code == booked.Code).Select(b => b.ParticipantId).SingleAsync(),
            account, certificate, feed, setPassword, evening));
    }
}
