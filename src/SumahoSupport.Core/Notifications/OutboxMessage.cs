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

    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sending = 1,
    Sent = 2,

    /// <summary>Gave up after the configured number of attempts; a coordinator may resend it.</summary>
    Dead = 3,
}
