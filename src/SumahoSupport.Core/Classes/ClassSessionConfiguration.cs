using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Classes;

internal sealed class ClassSessionConfiguration : IEntityTypeConfiguration<ClassSession>
{
    public void Configure(EntityTypeBuilder<ClassSession> session)
    {
        session.Property(s => s.Notes).HasMaxLength(500);
        session.HasOne(s => s.Course).WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne(s => s.Venue).WithMany().HasForeignKey(s => s.VenueId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne(s => s.Series).WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.SetNull);
        session.HasIndex(s => new { s.Status, s.StartsAtUtc });
        session.ToTable(t => t.HasCheckConstraint("CK_ClassSessions_Confirmed", "[Confirmed] >= 0 AND [Confirmed] <= [Capacity]"));
    }
}

internal sealed class ClassSeriesConfiguration : IEntityTypeConfiguration<ClassSeries>
{
    public void Configure(EntityTypeBuilder<ClassSeries> series)
    {
        series.Property(s => s.RecurrenceRule).HasMaxLength(300);
        series.Property(s => s.Notes).HasMaxLength(500);
        series.HasOne(s => s.Course).WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        series.HasOne(s => s.Venue).WithMany().HasForeignKey(s => s.VenueId).OnDelete(DeleteBehavior.Restrict);
    }
}
