using SumahoSupport.Core.Notifications;

namespace SumahoSupport.Core.Messaging;

/// <summary>
/// Hands an outbox row that is not a mail to its provider: a LINE push (the row's id as the retry key), a Twilio text or
/// call (its status reported back to <c>/hooks/twilio/status</c>). Returns the provider's id of what it accepted.
/// </summary>
public sealed class ChannelSender(LineApi line, TwilioApi twilio, ISiteLinks links)
{
    public async Task<string?> SendAsync(OutboxMessage row, CancellationToken ct)
    {
        switch (row.Channel)
        {
            case MessageChannel.Line:
                await line.PushAsync(row.ToAddress, row.HtmlBody, RetryKey(row), ct);
                return null;
            case MessageChannel.Sms:
                return await twilio.SendSmsAsync(row.ToAddress, row.TextBody, links.ProviderHook("/hooks/twilio/status"), ct);
            case MessageChannel.Voice:
                return await twilio.CallAsync(row.ToAddress, links.ProviderHook($"/hooks/twilio/voice?m={RetryKey(row):N}"),
                    links.ProviderHook("/hooks/twilio/status"), ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(row), row.Channel, "mail goes through the mail transport");
        }
    }

    /// <summary>The row's own key (the part of its Message-ID before the @), the same on every attempt.</summary>
    public static Guid RetryKey(OutboxMessage row) => Guid.ParseExact(row.MessageId[..32], "N");
}
