using System.Data.Common;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using MimeKit;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// The real IMAP server test.sh starts (Dovecot on loopback, <c>SUMAHO_IMAP</c>: <c>Host=…;Port=…;Password=…</c>). It
/// takes any user name with that password and gives each its own mailbox, so every test has a mailbox of its own.
/// </summary>
public sealed class ImapMailbox(string user)
{
    private static readonly Lazy<(string Host, int Port, string Password)> Server = new(() =>
    {
        var setting = System.Environment.GetEnvironmentVariable("SUMAHO_IMAP") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("The calendar reply tests need SUMAHO_IMAP (Host=…;Port=…;Password=…), a Dovecot server as test.sh starts one.");
        var parts = new DbConnectionStringBuilder { ConnectionString = setting };
        return ((string)parts["Host"], int.Parse((string)parts["Port"], System.Globalization.CultureInfo.InvariantCulture), (string)parts["Password"]);
    });

    public static ImapMailbox New() => new($"replies-{Guid.NewGuid():N}");

    public string User { get; } = user;

    /// <summary>The app reads this mailbox as its <c>Mail:Inbox</c>.</summary>
    public void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Mail:Inbox:Host", Server.Value.Host);
        builder.UseSetting("Mail:Inbox:Port", Server.Value.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Inbox:User", User);
        builder.UseSetting("Mail:Inbox:Password", Server.Value.Password);
        builder.UseSetting("Mail:Inbox:Security", "None");
    }

    /// <summary>The same, as environment variables for an app process.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["Mail__Inbox__Host"] = Server.Value.Host,
        ["Mail__Inbox__Port"] = Server.Value.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail__Inbox__User"] = User,
        ["Mail__Inbox__Password"] = Server.Value.Password,
        ["Mail__Inbox__Security"] = "None",
    };

    /// <summary>
    /// Delivers <paramref name="message"/> into the mailbox as the mail server would: received now by the server's clock,
    /// which is the one the reader's 30-day window is measured on (WITHIN), whatever the app's test clock says.
    /// </summary>
    public Task DeliverAsync(MimeMessage message) => WithInboxAsync(inbox => inbox.AppendAsync(new AppendRequest(message)));

    /// <summary>Each mail's Message-ID with its flags and keywords, as the mailbox now holds them.</summary>
    public Task<IReadOnlyDictionary<string, (MessageFlags Flags, IReadOnlySet<string> Keywords)>> FlagsAsync() => WithInboxAsync(async inbox =>
    {
        var all = await inbox.SearchAsync(SearchQuery.All);
        var summaries = await inbox.FetchAsync(all, MessageSummaryItems.Envelope | MessageSummaryItems.Flags);
        return (IReadOnlyDictionary<string, (MessageFlags, IReadOnlySet<string>)>)summaries.ToDictionary(
            s => s.Envelope?.MessageId ?? "", s => (s.Flags ?? MessageFlags.None, (IReadOnlySet<string>)s.Keywords.ToHashSet(StringComparer.Ordinal)));
    });

    private async Task<T> WithInboxAsync<T>(Func<IMailFolder, Task<T>> work)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(Server.Value.Host, Server.Value.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Server.Value.Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var result = await work(client.Inbox);
        await client.DisconnectAsync(quit: true);
        return result;
    }

    private async Task WithInboxAsync(Func<IMailFolder, Task> work) => await WithInboxAsync(async inbox =>
    {
        await work(inbox);
        return true;
    });
}
