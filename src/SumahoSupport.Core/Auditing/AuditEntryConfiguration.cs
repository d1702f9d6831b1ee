using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.SubjectType).HasMaxLength(64);
        entry.Property(e => e.SubjectId).HasMaxLength(64);
        entry.Property(e => e.Details).HasMaxLength(2000);
        entry.HasIndex(e => new { e.SubjectType, e.SubjectId });
        entry.HasIndex(e => e.AtUtc);
    }
}
