using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Bookings;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> booking)
    {
        booking.Property(b => b.Code).HasMaxLength(10);
        booking.Property(b => b.ManageToken).HasMaxLength(64);
        booking.Property(b => b.PhoneKey).HasMaxLength(20);
        booking.HasIndex(b => b.Code).IsUnique();
        booking.HasIndex(b => b.ManageToken).IsUnique();
        booking.Property(b => b.SurveyToken).HasMaxLength(64);
        booking.Property(b => b.Language).HasMaxLength(8);
        booking.HasIndex(b => b.SurveyToken).IsUnique();
        booking.HasOne(b => b.ClassSession).WithMany(s => s.Bookings).HasForeignKey(b => b.ClassSessionId).OnDelete(DeleteBehavior.Restrict);
        booking.HasOne(b => b.Participant).WithMany().HasForeignKey(b => b.ParticipantId).OnDelete(DeleteBehavior.Restrict);

        // One active booking per person per session (docs/ARCHITECTURE.md, "Rules" 2), enforced by the database as well.
        // Square brackets are valid identifier quotes in both SQL Server and SQLite. The phone comes first, as in every
        // index that holds it: PostgreSQL reads a whole index to find a number that is not its first column, and its
        // planner picked this one, when it looked small, for the phone's places (booking-storm's slow runs).
        booking.HasIndex(b => new { b.PhoneKey, b.ClassSessionId })
            .IsUnique()
            .HasFilter($"[Status] IN ({(int)BookingStatus.Confirmed}, {(int)BookingStatus.Waitlisted})")
            .HasDatabaseName("IX_Bookings_OneActivePerPhone");

        // The places one phone number holds, counted for every web booking (Limits:Phone): found by the number, not by
        // visiting every class for it.
        booking.HasIndex(b => new { b.PhoneKey, b.Status });
        // The waiting list is read in arrival order per session.
        booking.HasIndex(b => new { b.ClassSessionId, b.Status, b.Id });
        // The minute job looks for seats whose 元に戻す time ended; nearly every row is null.
        booking.HasIndex(b => b.UndoUntilUtc);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> participant)
    {
        participant.Property(p => p.Name).HasMaxLength(50);
        participant.Property(p => p.Kana).HasMaxLength(50);
        participant.Property(p => p.Phone).HasMaxLength(20);
        participant.Property(p => p.Email).HasMaxLength(254);
        participant.Property(p => p.Needs).HasMaxLength(500);
        participant.HasIndex(p => p.Phone);
        participant.Property(p => p.LineUserId).HasMaxLength(64);
        participant.Property(p => p.LineLinkCode).HasMaxLength(16);
        // The LINE webhook finds the resident by their LINE user, and a 連携コード by itself.
        participant.HasIndex(p => p.LineUserId);
        participant.HasIndex(p => p.LineLinkCode).IsUnique();
    }
}
