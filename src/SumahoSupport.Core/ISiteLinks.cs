namespace SumahoSupport.Core;

/// <summary>
/// Absolute addresses of the app's own pages, for everything that leaves it: mail, calendar invitations and feeds, QR
/// codes, Open Badges. The web app builds them from its routes (one place), at the public address of the site
/// (<c>Mail:PublicBaseUrl</c>) — never from a request's Host header, which a stranger can set.
/// </summary>
public interface ISiteLinks
{
    string Home { get; }

    /// <summary>The coming classes.</summary>
    string Classes { get; }

    string Class(int sessionId);

    /// <summary>A class booking's own page: the slip, the calendar file and the way to cancel.</summary>
    string Booking(string code, string manageToken);

    /// <summary>Where a resident books a consultation.</summary>
    string Consultations { get; }

    string Consultation(string code, string manageToken);

    /// <summary>The survey of a booking; <paramref name="mailed"/> counts answers through it as the e-mail channel.</summary>
    string Survey(string surveyToken, bool mailed = false);

    /// <summary>Where a new account sets its first password, or a staff member a new one.</summary>
    string SetPassword(string userId, string token);

    string SupporterTraining { get; }

    /// <summary>The supporter's own page (sign-in required): where the details calendars leave out are.</summary>
    string SupporterHome { get; }

    /// <summary>A class as its supporters see it (sign-in required), where they answer their invitation.</summary>
    string SupporterClass(int sessionId);

    /// <summary>The coordinator's staffing page of a class.</summary>
    string ClassStaffing(int sessionId);

    /// <summary>The coordinator's page of a consultation, where it is handed to another supporter.</summary>
    string ConsultationStaffing(string code);

    /// <summary>A supporter's calendar feed (.ics), secret to them.</summary>
    string SupporterFeed(string feedToken);

    /// <summary>The printable 修了証 of a certification.</summary>
    string Certificate(string publicId);

    /// <summary>A provider webhook of this app (<c>/hooks/twilio/status</c>), as the provider calls and signs it.</summary>
    string ProviderHook(string pathAndQuery);

    string BadgeIssuer { get; }

    string BadgeClass(string slug);

    string BadgeAssertion(string publicId);

    string BadgeImage(string slug);
}
