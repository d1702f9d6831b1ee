using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.Kind).HasMaxLength(64);
        message.Property(m => m.RelatesTo).HasMaxLength(64);
        message.Property(m => m.ToAddress).HasMaxLength(254);
        message.Property(m => m.ToName).HasMaxLength(100);
        message.Property(m => m.Title).HasMaxLength(200);
        message.Property(m => m.CalendarMethod).HasMaxLength(16);
        message.Property(m => m.MessageId).HasMaxLength(200);
        message.Property(m => m.LeaseToken).HasMaxLength(64);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.Property(m => m.ProviderId).HasMaxLength(64);
        message.Property(m => m.DeliveryStatus).HasMaxLength(32);
        // Status callbacks find their message by the provider's id; the monthly cap counts texts and calls by month.
        message.HasIndex(m => m.ProviderId);
        message.HasIndex(m => new { m.Channel, m.CreatedAtUtc });
        message.HasIndex(m => m.MessageId).IsUnique();
        // The dispatcher's claim query: due rows in arrival order.
        message.HasIndex(m => new { m.Status, m.NextAttemptAtUtc, m.Id });
    }
}

internal sealed class CallTaskConfiguration : IEntityTypeConfiguration<CallTask>
{
    public void Configure(EntityTypeBuilder<CallTask> task)
    {
        task.Property(t => t.Note).HasMaxLength(500);
        task.Property(t => t.DoneBy).HasMaxLength(256);
        task.HasOne(t => t.Booking).WithMany().HasForeignKey(t => t.BookingId).OnDelete(DeleteBehavior.Cascade);
        task.HasOne(t => t.ConsultationBooking).WithMany().HasForeignKey(t => t.ConsultationBookingId).OnDelete(DeleteBehavior.Cascade);
        task.ToTable(t => t.HasCheckConstraint("CK_CallTasks_OneBooking",
            "([BookingId] IS NOT NULL AND [ConsultationBookingId] IS NULL) OR ([BookingId] IS NULL AND [ConsultationBookingId] IS NOT NULL)"));
        task.HasIndex(t => new { t.DoneAtUtc, t.Reason });
        // One reminder call per booking, however many app instances run the reminder job.
        var reminder = $"[Reason] = {(int)CallReason.Reminder}";
        task.HasIndex(t => new { t.BookingId, t.Reason }).IsUnique().HasFilter(reminder + " AND [BookingId] IS NOT NULL")
            .HasDatabaseName("IX_CallTasks_OneReminderPerBooking");
        task.HasIndex(t => new { t.ConsultationBookingId, t.Reason }).IsUnique().HasFilter(reminder + " AND [ConsultationBookingId] IS NOT NULL")
            .HasDatabaseName("IX_CallTasks_OneReminderPerConsultation");
    }
}
