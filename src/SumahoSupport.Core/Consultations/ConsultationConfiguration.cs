using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Consultations;

internal sealed class ConsultationScheduleConfiguration : IEntityTypeConfiguration<ConsultationSchedule>
{
    public void Configure(EntityTypeBuilder<ConsultationSchedule> schedule)
    {
        schedule.HasOne(s => s.Venue).WithMany().HasForeignKey(s => s.VenueId).OnDelete(DeleteBehavior.Restrict);
        schedule.Property(s => s.RecurrenceRule).HasMaxLength(ConsultationRecurrence.MaxLength);
        schedule.HasIndex(s => new { s.LastDate, s.FirstDate });
    }
}

internal sealed class ConsultationBookingConfiguration : IEntityTypeConfiguration<ConsultationBooking>
{
    public void Configure(EntityTypeBuilder<ConsultationBooking> booking)
    {
        booking.Property(b => b.Code).HasMaxLength(10);
        booking.Property(b => b.ManageToken).HasMaxLength(64);
        booking.Property(b => b.Language).HasMaxLength(8);
        booking.Property(b => b.Topics).HasMaxLength(200);
        booking.Property(b => b.Request).HasMaxLength(500);
        booking.HasIndex(b => b.Code).IsUnique();
        booking.HasIndex(b => b.ManageToken).IsUnique();
        booking.HasOne(b => b.Schedule).WithMany().HasForeignKey(b => b.ConsultationScheduleId).OnDelete(DeleteBehavior.Restrict);
        booking.HasOne(b => b.Participant).WithMany().HasForeignKey(b => b.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        booking.HasOne(b => b.Supporter).WithMany().HasForeignKey(b => b.SupporterId).OnDelete(DeleteBehavior.Restrict);

        // No double booking, enforced by the database under any concurrency: one active booking per place of a slot,
        // and one per supporter per start time. Square brackets quote identifiers in both SQLite and SQL Server.
        var active = $"[Status] IN ({(int)ConsultationStatus.Confirmed}, {(int)ConsultationStatus.Attended})";
        booking.HasIndex(b => new { b.ConsultationScheduleId, b.StartsAtUtc, b.Seat }).IsUnique().HasFilter(active)
            .HasDatabaseName("IX_ConsultationBookings_OnePerSeat");
        booking.HasIndex(b => new { b.SupporterId, b.StartsAtUtc }).IsUnique().HasFilter(active + " AND [SupporterId] IS NOT NULL")
            .HasDatabaseName("IX_ConsultationBookings_OnePerSupporter");
        booking.HasIndex(b => new { b.StartsAtUtc, b.Status });
    }
}

internal sealed class SupportLogConfiguration : IEntityTypeConfiguration<SupportLog>
{
    public void Configure(EntityTypeBuilder<SupportLog> log)
    {
        log.Property(l => l.Topics).HasMaxLength(200);
        log.Property(l => l.ReferredTo).HasMaxLength(50);
        log.Property(l => l.Note).HasMaxLength(500);
        log.Property(l => l.FollowUpDoneBy).HasMaxLength(256);
        log.HasOne(l => l.Booking).WithMany().HasForeignKey(l => l.ConsultationBookingId).OnDelete(DeleteBehavior.Restrict);
        log.HasOne<Supporters.Supporter>().WithMany().HasForeignKey(l => l.SupporterId).OnDelete(DeleteBehavior.Restrict);
        log.HasOne<Classes.Venue>().WithMany().HasForeignKey(l => l.VenueId).OnDelete(DeleteBehavior.Restrict);
        // One record per booking; walk-ins (no booking) are many.
        log.HasIndex(l => l.ConsultationBookingId).IsUnique().HasFilter("[ConsultationBookingId] IS NOT NULL");
        log.HasIndex(l => new { l.SupporterId, l.HeldAtUtc });
        log.HasIndex(l => l.HeldAtUtc);
        log.HasIndex(l => new { l.FollowUpNeeded, l.FollowUpDoneAtUtc });
    }
}
