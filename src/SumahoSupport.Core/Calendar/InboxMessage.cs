using Microsoft.EntityFrameworkCore;

namespace SumahoSupport.Core.Calendar;

/// <summary>
/// A message of the replies' mailbox the app has dealt with, by a hash of its Message-ID: a reply changes an assignment in
/// the same transaction that adds this row, so a message read twice — by two instances, or again after a crash before
/// the mailbox was marked — changes nothing the second time. Holds no address or text of the message.
/// </summary>
public sealed class InboxMessage
{
    /// <summary>SHA-256 of the Message-ID (or of the folder's UID when a message has none), in hex.</summary>
    public required string MessageKey { get; set; }

    public DateTime ProcessedAtUtc { get; set; }

    /// <summary>What was done with it (<see cref="ReplyOutcome"/>), for whoever looks into a reply that seemed to go nowhere.</summary>
    public ReplyOutcome Outcome { get; set; }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<InboxMessage> message)
    {
        message.HasKey(m => m.MessageKey);
        message.Property(m => m.MessageKey).HasMaxLength(64);
        message.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(32);
    }
}
