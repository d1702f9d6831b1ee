using Microsoft.Extensions.Options;
using SumahoSupport.Core;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Badges;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// <see cref="ISiteLinks"/> from the app's own routes: a page renamed or moved changes every link to it here, and a page
/// that no longer exists fails loudly (here, and in the link-following test) rather than in a resident's mailbox.
/// A resident's page link written in English (a mail or invitation to a resident who booked in English) opens the site
/// in English: it goes through the language link of <c>/Display</c>, which remembers the choice and goes on to the page.
/// </summary>
public sealed class SiteLinks(LinkGenerator links, IOptions<MailOptions> mail) : ISiteLinks
{
    private string BaseUrl => mail.Value.PublicBaseUrl.TrimEnd('/');

    public string Home => ResidentPage("/Index");

    public string Classes => ResidentPage("/Classes/Index");

    public string Class(int sessionId) => ResidentPage("/Classes/Details", new { id = sessionId });

    public string Booking(string code, string manageToken) => ResidentPage("/Bookings/Show", new { code, token = manageToken });

    public string Consultations => ResidentPage("/Consultations/Index");

    public string Consultation(string code, string manageToken) => ResidentPage("/Consultations/Show", new { code, token = manageToken });

    public string Survey(string surveyToken, bool mailed = false) =>
        mailed ? ResidentPage("/Survey/Index", new { token = surveyToken, Via = "mail" }) : ResidentPage("/Survey/Index", new { token = surveyToken });

    public string SetPassword(string userId, string token) => Page("/Account/SetPassword", new { user = userId, token });

    public string SupporterTraining => Page("/Training/Index", new { area = "Supporter" });

    public string SupporterHome => Page("/Index", new { area = "Supporter" });

    public string SupporterClass(int sessionId) => Page("/Classes/Show", new { area = "Supporter", id = sessionId });

    public string ClassStaffing(int sessionId) => Page("/Classes/Staff", new { area = "Coordinator", id = sessionId });

    public string ConsultationStaffing(string code) => Page("/Consultations/Show", new { area = "Coordinator", code });

    public string SupporterFeed(string feedToken) => Page("/Calendar/Supporter", new { token = feedToken });

    public string Certificate(string publicId) => Page("/Certificates/Show", new { publicId });

    public string BadgeIssuer => Route(BadgeEndpoints.IssuerRoute, null);

    public string BadgeClass(string slug) => Route(BadgeEndpoints.BadgeClassRoute, new { level = slug });

    public string BadgeAssertion(string publicId) => Route(BadgeEndpoints.AssertionRoute, new { publicId });

    /// <summary>A static file of the site (wwwroot/badges), not a route.</summary>
    public string ProviderHook(string pathAndQuery) => BaseUrl + pathAndQuery;

    public string BadgeImage(string slug) => $"{BaseUrl}/badges/{Uri.EscapeDataString(slug)}.svg";

    private string Page(string page, object? values = null) => BaseUrl + PathTo(page, values);

    /// <summary>
    /// A page a resident opens from a mail, an invitation or a printed code: written in English, it goes through the
    /// language link so it opens in English. (Feeds, badges and staff links stay plain: a calendar app or a verifier
    /// should get the address itself.)
    /// </summary>
    private string ResidentPage(string page, object? values = null)
    {
        if (!Languages.IsEnglish) return Page(page, values);
        // The return address is within the site: the public address's own path (a city may serve the app under one) and the page.
        return BaseUrl + LanguageChoice.Link(new Uri(BaseUrl + "/").AbsolutePath.TrimEnd('/') + PathTo(page, values), Languages.EnglishCode);
    }

    private string PathTo(string page, object? values) =>
        links.GetPathByPage(page, handler: null, values) ?? throw new InvalidOperationException($"No route to the page {page}.");

    private string Route(string name, object? values) =>
        BaseUrl + (links.GetPathByName(name, values) ?? throw new InvalidOperationException($"No route named {name}."));
}
