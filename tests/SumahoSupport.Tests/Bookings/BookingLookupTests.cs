using System.Net;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Consultations;
using SumahoSupport.Tests.Infrastructure;
using SumahoSupport.Web.Pages.Bookings;

namespace SumahoSupport.Tests.Bookings;

/// <summary>
/// /Bookings/Find: a resident without e-mail, or who lost the slip, opens their booking with its 予約番号 and phone; a
/// stranger with one of the two learns nothing and gets a few tries at most.
/// </summary>
public sealed class BookingLookupTests(AppFactory app) : IClassFixture<AppFactory>
{
    private HttpClient From(string address)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(AppFactory.PeerHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> FindAsync(HttpClient client, string code, string phone) =>
        client.SubmitFormAsync("/Bookings/Find", new Dictionary<string, string> { ["Input.Code"] = code, ["Input.Phone"] = phone });

    private async Task<(string Code, string Phone)> BookAsync()
    {
        var phone = TestData.NextPhone();
        var booked = Assert.IsType<BookingResult.Booked>(await app.BookAsync(await app.CreateSessionAsync(capacity: 5), TestData.Resident(phone)));
        return (booked.Code, phone);
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response) =>
        (await Forms.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent ?? "";

    [Fact]
    public async Task TheCodeAndThePhone_OpenTheBookingsOwnPage_AsTheMailedLinkDoes_AndTheOpeningIsAudited()
    {
        var (code, phone) = await BookAsync();
        // As a resident types them: the code in small letters without its hyphen, the phone with hyphens.
        using var found = await FindAsync(From("198.51.100.7"), code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), PhoneNumber.Format(phone));

        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        var page = await app.CreateClient().GetDocumentAsync(found.Headers.Location!.OriginalString);
        Assert.Contains(code, page.QuerySelector(".booking-code")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href*='/Bookings/'][href*='/Cancel']"));
        // The help line on the slip is a number a phone can call with one press.
        Assert.Equal("tel:0120000000", page.QuerySelector(".slip .facts a[href^='tel:']")?.GetAttribute("href"));
        Assert.Contains("booking.lookup-opened", await app.AuditActionsForAsync(nameof(Booking), code));
    }

    [Fact]
    public async Task AConsultation_OpensByItsCodeAndPhoneToo()
    {
        var (date, _) = await app.RestSupportersAndPickWeekdayAsync(weekOffset: 2);
        await app.AddHelperAsync("検索 支援員", date.DayOfWeek, 9 * 60, 17 * 60);
        var schedule = await app.AddConsultationDayAsync(date, new TimeOnly(10, 0), new TimeOnly(12, 0));
        var phone = TestData.NextPhone();
        var code = await app.BookConsultationAsync(schedule.Id, JapaneseTime.ToUtc(date.ToDateTime(new TimeOnly(10, 0))), TestData.Resident(phone));

        using var found = await FindAsync(From("198.51.100.8"), code, phone);

        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.StartsWith($"/Consultations/{code}?token=", found.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPhone_AWrongCode_AndNonsense_AllGetTheSameMessage()
    {
        var (code, phone) = await BookAsync();
        var client = From("198.51.100.9");
        var answers = new List<string>();
        foreach (var (c, p) in new[] { (code, TestData.NextPhone()), ("ZZZ-ZZZ", phone), ("本日", "でんわ") })
        {
            using var response = await FindAsync(client, c, p);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            answers.Add(await ErrorOfAsync(response));
        }
        Assert.All(answers, a => Assert.Contains(FindModel.NotFoundMessage, a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveWrongPhonesForOneCode_FromAnyClients_LockIt_EvenForTheRightPhone_AndStaffAreTold()
    {
        var (code, phone) = await BookAsync();
        for (var i = 0; i < BookingLookup.TriesPerCode; i++)
        {
            using var wrong = await FindAsync(From($"203.0.113.{10 + i}"), code, TestData.NextPhone());
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        }

        using var right = await FindAsync(From("203.0.113.99"), code, phone);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, right.StatusCode);
        Assert.Contains(FindModel.RefusedMessage, await ErrorOfAsync(right), StringComparison.Ordinal);
        Assert.Single(await app.AuditActionsForAsync(nameof(Booking), code), a => a == "booking.lookup-locked");
        var home = await (await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword)).GetDocumentAsync("/Coordinator");
        Assert.Contains(code, home.QuerySelector("#locked-lookups")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodeThatDoesNotExist_LocksAlike_SoALockTellsNothing()
    {
        var made = new HashSet<string>(await app.WithDbAsync(db => db.Bookings.Select(b => b.Code).ToListAsync()));
        var unused = new[] { "KKK-KKK", "MMM-MMM", "NNN-NNN", "PPP-PPP" }.First(c => !made.Contains(c));
        HttpResponseMessage? last = null;
        for (var i = 0; i <= BookingLookup.TriesPerCode; i++)
        {
            last?.Dispose();
            last = await FindAsync(From($"203.0.113.{120 + i}"), unused, TestData.NextPhone());
        }
        Assert.Contains(FindModel.RefusedMessage, await ErrorOfAsync(last!), StringComparison.Ordinal);
        last!.Dispose();
    }

    [Fact]
    public async Task OneClient_GetsTenWrongPairs_AnHour_OverEveryCode()
    {
        var (code, phone) = await BookAsync();
        var client = From("192.0.2.44");
        for (var i = 0; i < BookingLookup.TriesPerClient; i++)
        {
            var letter = BookingSecrets.CodeAlphabet[i];
            using var wrong = await FindAsync(client, $"AC{letter}-FG{letter}", TestData.NextPhone());
        }

        using var refused = await FindAsync(client, code, phone);
        Assert.Contains(FindModel.RefusedMessage, await ErrorOfAsync(refused), StringComparison.Ordinal);

        app.Clock.Advance(BookingLookup.ClientWindow + TimeSpan.FromMinutes(1));
        using var later = await FindAsync(client, code, phone);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task EveryPage_LinksToIt_FromItsFooter()
    {
        var page = await app.CreateClient().GetDocumentAsync("/Classes");
        Assert.NotNull(page.QuerySelector("footer a[href='/Bookings/Find']"));
    }
}
