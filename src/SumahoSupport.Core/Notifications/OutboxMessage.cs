namespace SumahoSupport.Core.Notifications;

/// <summary>
/// 送信待ちメール: an e-mail written, fully rendered, in the same transaction as the change it reports, and sent later
/// by <see cref="OutboxDispatcher"/>. The row is the message: resending it sends the same Message-ID.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What the mail is about, e.g. <c>booking.confirmed</c>; the template's name.</summary>
    public required string Kind { get; set; }

    /// <summary>The booking code or assignment the mail concerns, for the coordinators' list.</summary>
    public string? RelatesTo { get; set; }

    /// <summary>How it goes: mail, a LINE push, a text message or an automated call.</summary>
    public MessageChannel Channel { get; set; }

    /// <summary>An e-mail address, a LINE user id, or a phone in E.164 (+8190…), by <see cref="Channel"/>.</summary>
    public required string ToAddress { get; set; }
    public required string ToName { get; set; }
    /// <summary>The mail's subject line (件名).</summary>
    public required string Title { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>iTIP method of the attached invitation (REQUEST or CANCEL), or null for a plain mail.</summary>
    public string? CalendarMethod { get; set; }
    public string? CalendarIcs { get; set; }

    /// <summary>Stable per row, so a resend after a crash is recognisably the same message.</summary>
    public required string MessageId { get; set; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>The dispatcher's claim: who is sending this row, until when (a crashed sender's lease runs out).</summary>
    public string? LeaseToken { get; set; }
    public DateTime? LeaseExpiresAtUtc { get; set; }

    /// <summary>The provider's id of what it accepted (Twilio's SM…/CA… sid), which its status callbacks name.</summary>
    public string? ProviderId { get; set; }

    /// <summary>What the provider last reported: delivered, undelivered, no-answer… (null for mail).</summary>
    public string? DeliveryStatus { get; set; }

    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}

/// <summary>The numbers are stored: append only.</summary>
public enum MessageChannel
{
    Mail = 0,
    Line = 1,
    Sms = 2,
    Voice = 3,
}

public enum OutboxStatus
{
    Pending = 0,
    Sending = 1,
    Sent = 2,

    /// <summary>Gave up after the configured number of attempts; a coordinator may resend it.</summary>
    Dead = 3,
}
