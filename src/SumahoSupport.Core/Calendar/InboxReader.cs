using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Core.Calendar;

/// <summary>
/// The minute job that reads supporters' calendar replies from the organizer's mailbox (<c>Mail:Inbox:*</c>, IMAP).
/// One instance at a time reads it (<see cref="JobLease"/>); each mail is applied once (<see cref="InboxMessage"/>) and
/// then marked with <see cref="ReadKeyword"/> so that it is not fetched again — replies also \Seen, while any other mail
/// stays unread for the person who looks after the mailbox. Nothing is deleted: the mailbox is the city's record.
/// </summary>
public sealed class InboxReader(
    IOptions<MailOptions> mail, AppDbContext db, UnitOfWork work, CalendarReplyService replies, TimeProvider clock)
{
    public const string LeaseName = "calendar-replies";

    /// <summary>An IMAP keyword (RFC 3501 flag) on every mail this app has dealt with.</summary>
    public const string ReadKeyword = "$SumahoRead";

    /// <summary>Mail older than this is not looked at: a reply that old answers a class long past.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>At most this many mails a minute, well inside the lease; the rest next minute.</summary>
    private const int BatchSize = 200;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Reads new mail once; answers how many replies changed an assignment.</summary>
    public async Task<int> ReadAsync(CancellationToken ct)
    {
        var inbox = mail.Value.Inbox;
        if (!inbox.Enabled) return 0;
        var holder = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await JobLease.TryTakeAsync(db, work, LeaseName, holder, now, now + Lease, ct)) return 0;
        try
        {
            return await ReadLeasedAsync(inbox, now, ct);
        }
        finally
        {
            await JobLease.ReleaseAsync(db, work, LeaseName, holder, CancellationToken.None);
        }
    }

    private async Task<int> ReadLeasedAsync(InboxOptions inbox, DateTime nowUtc, CancellationToken ct)
    {
        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync(inbox.Host!, inbox.Port, Enum.Parse<SecureSocketOptions>(inbox.Security, ignoreCase: true), ct);
        // InboxOptions.Problems refuses to start with a host and no user or password.
        await client.AuthenticateAsync(inbox.User!, inbox.Password!, ct);
        var folder = await client.GetFolderAsync(inbox.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        // A server that keeps no keywords of ours is still read right: the stored keys stop a second application.
        var marks = folder.PermanentFlags.HasFlag(MessageFlags.UserDefined);
        // How old a mail is, the server measures by its own clock where it can (WITHIN, RFC 5032): its received dates are
        // on that clock, and the app's may differ from it.
        SearchQuery query = client.Capabilities.HasFlag(ImapCapabilities.Within)
            ? SearchQuery.YoungerThan((int)Window.TotalSeconds)
            : SearchQuery.DeliveredAfter(nowUtc - Window);
        if (marks) query = query.And(SearchQuery.NotKeyword(ReadKeyword));
        var found = await folder.SearchAsync(query, ct);
        var summaries = await folder.FetchAsync(found.Take(BatchSize).ToList(), MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope, ct);
        var keys = summaries.ToDictionary(s => s.UniqueId, s => KeyOf(s.Envelope?.MessageId, folder.UidValidity, s.UniqueId));
        var done = (await db.InboxMessages.Where(m => keys.Values.Contains(m.MessageKey)).Select(m => m.MessageKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var recorded = 0;
        foreach (var summary in summaries)
        {
            ct.ThrowIfCancellationRequested();
            var outcome = ReplyOutcome.AlreadyApplied;
            if (!done.Contains(keys[summary.UniqueId]))
            {
                var message = await folder.GetMessageAsync(summary.UniqueId, ct);
                outcome = await replies.ApplyAsync(message, keys[summary.UniqueId], ct);
                if (outcome == ReplyOutcome.Recorded) recorded++;
            }
            if (!marks) continue;
            var seen = outcome == ReplyOutcome.NotAReply ? MessageFlags.None : MessageFlags.Seen;
            await folder.StoreAsync(summary.UniqueId, new StoreFlagsRequest(StoreAction.Add, seen, [ReadKeyword]) { Silent = true }, ct);
        }
        await client.DisconnectAsync(quit: true, ct);
        return recorded;
    }

    /// <summary>A mail's Message-ID, or where it has none the folder's own UID for it; hashed, so no address is stored.</summary>
    private static string KeyOf(string? messageId, uint uidValidity, UniqueId uid) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.IsNullOrWhiteSpace(messageId) ? $"uid:{uidValidity}:{uid.Id}" : $"message-id:{messageId.Trim()}")));
}
