namespace SumahoSupport.Core.Notifications;

/// <summary><c>Mail:*</c> settings (README, "Configuration").</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The mailbox of <see cref="From"/>, where supporters' calendars send their replies; off without a host.</summary>
    public InboxOptions Inbox { get; set; } = new();

    /// <summary>With no SMTP host, each message is written here as an .eml file.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>Sender and organizer of calendar invitations.</summary>
    public string From { get; set; } = "noreply@example.jp";

    /// <summary>Folder of the Liquid templates; defaults to <c>templates/mail</c> beside the app.</summary>
    public string? TemplateDirectory { get; set; }

    /// <summary>Absolute address of the public site, for links in mail (the manage link, the survey).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public DispatcherOptions Dispatcher { get; set; } = new();

    public ReminderOptions Reminder { get; set; } = new();

    public string ResolveTemplateDirectory() => TemplateDirectory ?? Path.Combine(AppContext.BaseDirectory, "templates", "mail");

    internal static readonly string[] SecurityModes = ["None", "Auto", "SslOnConnect", "StartTls", "StartTlsWhenAvailable"];

    /// <summary>
    /// What is wrong with these settings, each message naming its key. Outside Development every link a resident gets —
    /// manage links, QR codes, badges — starts with <see cref="PublicBaseUrl"/>, so it must be the site's public https
    /// address; a forgotten one would send every resident to localhost.
    /// </summary>
    public static IEnumerable<string?> Problems(MailOptions mail, Microsoft.Extensions.Hosting.IHostEnvironment environment)
    {
        if (!System.Net.Mail.MailAddress.TryCreate(mail.From, out _)) yield return $"設定 Mail:From は送信元のメールアドレスにしてください（今: {mail.From}）。";
        if (!Uri.TryCreate(mail.PublicBaseUrl, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https") || site.Query.Length > 0)
            yield return $"設定 Mail:PublicBaseUrl は、住民がメールのリンクから開くサイトのアドレス（例: https://sumaho.city.example.jp）にしてください（今: {mail.PublicBaseUrl}）。";
        else if (!Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsDevelopment(environment) && (site.Scheme != "https" || site.IsLoopback || site.Host == "localhost"))
            yield return $"設定 Mail:PublicBaseUrl は、本番では https:// で始まる公開アドレスにしてください。メール・QRコード・バッジのリンクはすべてこのアドレスになります（今: {mail.PublicBaseUrl}）。";
        var smtp = mail.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (!string.IsNullOrEmpty(smtp.User) || !string.IsNullOrEmpty(smtp.Password))
                yield return "設定 Mail:Smtp:User / Password がありますが、Mail:Smtp:Host が空です。SMTP サーバーの名前を入れるか、User と Password を消してください。";
            if (string.IsNullOrWhiteSpace(mail.PickupDirectory)) yield return "設定 Mail:Smtp:Host が空のときは、Mail:PickupDirectory にメールを書き出すフォルダーを入れてください。";
        }
        else
        {
            yield return SettingsChecks.Between("Mail:Smtp:Port", smtp.Port, 1, 65535);
            if (!SecurityModes.Contains(smtp.Security)) yield return $"設定 Mail:Smtp:Security は {string.Join("・", SecurityModes)} のどれかにしてください（今: {smtp.Security}）。";
            if (string.IsNullOrEmpty(smtp.User) != string.IsNullOrEmpty(smtp.Password))
                yield return "設定 Mail:Smtp:User と Mail:Smtp:Password は、両方入れるか、両方空にしてください。";
        }
        foreach (var problem in InboxOptions.Problems(mail.Inbox)) yield return problem;
        yield return SettingsChecks.Between("Mail:Dispatcher:BatchSize", mail.Dispatcher.BatchSize, 1, 1000);
        yield return SettingsChecks.Between("Mail:Dispatcher:MaxAttempts", mail.Dispatcher.MaxAttempts, 1, 30);
        yield return SettingsChecks.Between("Mail:Dispatcher:LeaseSeconds", mail.Dispatcher.LeaseSeconds, 10, 3600);
        yield return SettingsChecks.Between("Mail:Dispatcher:PollSeconds", mail.Dispatcher.PollSeconds, 1, 3600);
        yield return SettingsChecks.Between("Mail:Dispatcher:BackoffSeconds", mail.Dispatcher.BackoffSeconds, 1, 3600);
    }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>MailKit's SecureSocketOptions: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
}

/// <summary>
/// <c>Mail:Inbox:*</c>: the IMAP mailbox calendar replies arrive in. Replies to an invitation go to its organizer
/// (<c>Mail:From</c>), so this is that address's mailbox; mail in it that is not a reply is left for a person to read.
/// </summary>
public sealed class InboxOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 993;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>MailKit's SecureSocketOptions, as for SMTP; IMAP's port 993 speaks TLS from the start.</summary>
    public string Security { get; set; } = "SslOnConnect";

    /// <summary>The folder replies arrive in.</summary>
    public string Folder { get; set; } = "INBOX";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    internal static IEnumerable<string?> Problems(InboxOptions inbox)
    {
        if (!inbox.Enabled)
        {
            if (!string.IsNullOrEmpty(inbox.User) || !string.IsNullOrEmpty(inbox.Password))
                yield return "設定 Mail:Inbox:User / Password がありますが、Mail:Inbox:Host が空です。IMAP サーバーの名前を入れるか、User と Password を消してください。";
            yield break;
        }
        yield return SettingsChecks.Between("Mail:Inbox:Port", inbox.Port, 1, 65535);
        if (!MailOptions.SecurityModes.Contains(inbox.Security)) yield return $"設定 Mail:Inbox:Security は {string.Join("・", MailOptions.SecurityModes)} のどれかにしてください（今: {inbox.Security}）。";
        if (string.IsNullOrEmpty(inbox.User) || string.IsNullOrEmpty(inbox.Password))
            yield return "設定 Mail:Inbox:User と Mail:Inbox:Password に、返信を受け取るメールボックスのログイン名とパスワードを入れてください。";
        if (string.IsNullOrWhiteSpace(inbox.Folder)) yield return "設定 Mail:Inbox:Folder は空にできません（ふつうは INBOX）。";
    }
}

public sealed class DispatcherOptions
{
    /// <summary>Tests drive the dispatcher themselves; the app runs it in the background.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Mails claimed and sent over one SMTP connection at a time. Each batch costs a claim, a read, a connection and a
    /// mark; at 50 that overhead is a small part of sending, and a batch still finishes well inside its lease.
    /// </summary>
    public int BatchSize { get; set; } = 50;
    public int MaxAttempts { get; set; } = 8;
    public int LeaseSeconds { get; set; } = 120;
    public int PollSeconds { get; set; } = 10;

    /// <summary>First retry after this many seconds, doubling each time (30 s, 1 min, 2 min … about an hour at 8).</summary>
    public int BackoffSeconds { get; set; } = 30;
}

public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Tokyo time of day from which the day-before reminders go out.</summary>
    public TimeOnly Time { get; set; } = new(10, 0);
}
