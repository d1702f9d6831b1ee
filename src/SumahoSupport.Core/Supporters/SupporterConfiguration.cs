using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Supporters;

internal sealed class SupporterConfiguration : IEntityTypeConfiguration<Supporter>
{
    public void Configure(EntityTypeBuilder<Supporter> supporter)
    {
        supporter.Property(s => s.Name).HasMaxLength(50);
        supporter.Property(s => s.Kana).HasMaxLength(50);
        supporter.Property(s => s.Phone).HasMaxLength(20);
        supporter.Property(s => s.Email).HasMaxLength(254);
        supporter.Property(s => s.Area).HasMaxLength(50);
        supporter.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
        supporter.HasIndex(s => s.UserId).IsUnique();
        supporter.HasIndex(s => s.Status);
        supporter.Property(s => s.CalendarFeedToken).HasMaxLength(64);
        supporter.HasIndex(s => s.CalendarFeedToken).IsUnique();
    }
}

internal sealed class TrainingModuleConfiguration : IEntityTypeConfiguration<TrainingModule>
{
    public void Configure(EntityTypeBuilder<TrainingModule> module)
    {
        module.Property(m => m.Code).HasMaxLength(50);
        module.Property(m => m.Title).HasMaxLength(100);
        module.Property(m => m.Summary).HasMaxLength(1000);
        module.HasIndex(m => m.Code).IsUnique();
    }
}
