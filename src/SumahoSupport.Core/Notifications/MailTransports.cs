using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SumahoSupport.Core.Notifications;

/// <summary>Delivers a batch of messages; one result per message, null when it was accepted.</summary>
public interface IMailTransport
{
    /// <summary>
    /// Sends each message; one result per message, null when it was accepted. <paramref name="accepted"/> is awaited with a
    /// message's index as soon as the server (or the folder) has taken it, before the next is sent, so the sender can
    /// record it at once: a crash after that point never sends it again.
    /// </summary>
    Task<IReadOnlyList<Exception?>> SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Task> accepted, CancellationToken ct);
}

/// <summary>SMTP with MailKit: one connection per batch, reused for every message in it.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<IReadOnlyList<Exception?>> SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Task> accepted, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var results = new Exception?[messages.Count];
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await ConnectAsync(client, smtp.Host ?? "localhost", smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Array.Fill(results, e);
            return results;
        }
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await client.SendAsync(messages[i], ct);
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
            {
                results[i] = e;
                // A broken connection fails the rest of the batch; they are retried with the next one.
                if (!client.IsConnected)
                {
                    for (var rest = i + 1; rest < messages.Count; rest++) results[rest] = e;
                    break;
                }
                continue;
            }
            await accepted(i);
        }
        if (client.IsConnected) await client.DisconnectAsync(quit: true, ct);
        return results;
    }

    /// <summary>
    /// Connects over a socket with Nagle's algorithm off. MailKit writes a message's closing "." on its own; with Nagle
    /// on, that small write waits for the server's delayed ACK of the body (40 ms on Linux), which held sending to about
    /// 22 mails a second whatever the server (docs/ARCHITECTURE.md, "Performance").
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "Once connected the client owns the socket; it is disposed here only when connecting fails.")]
    public static async Task ConnectAsync(SmtpClient client, string host, int port, SecureSocketOptions security, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connecting.CancelAfter(client.Timeout);
                await socket.ConnectAsync(host, port, connecting.Token);
            }
            await client.ConnectAsync(socket, host, port, security, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A server that never answers is a failed attempt like a refusal, retried later; not a shutdown.
            socket.Dispose();
            throw new TimeoutException($"The SMTP server {host}:{port} did not accept a connection within {client.Timeout / 1000} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>Without an SMTP host: each message becomes an .eml file, named by its Message-ID so a resend overwrites it.</summary>
public sealed class PickupDirectoryTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public async Task<IReadOnlyList<Exception?>> SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Task> accepted, CancellationToken ct)
    {
        var results = new Exception?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var path = Path.Combine(Directory, FileNameFor(messages[i].MessageId ?? Guid.NewGuid().ToString("N")));
            var temporary = path + ".tmp";
            try
            {
                System.IO.Directory.CreateDirectory(Directory);
                await messages[i].WriteToAsync(temporary, ct);
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever stops the file being written (no permission, a full disk, a bad path) is this message's
                // failed attempt, retried and finally parked like an SMTP refusal.
                results[i] = e;
                continue;
            }
            await accepted(i);
        }
        return results;
    }

    public static string FileNameFor(string messageId) =>
        new string(messageId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray()) + ".eml";
}
