namespace SumahoSupport.Core.Notifications;

/// <summary><c>Mail:*</c> settings (README, "Configuration").</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

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

public sealed class DispatcherOptions
{
    /// <summary>Tests drive the dispatcher themselves; the app runs it in the background.</summary>
    public bool Enabled { get; set; } = true;

    public int BatchSize { get; set; } = 20;
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
