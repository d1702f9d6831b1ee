using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Staffing;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.Property(a => a.DeclineReason).HasMaxLength(200);
        assignment.HasOne(a => a.ClassSession).WithMany(s => s.Assignments).HasForeignKey(a => a.ClassSessionId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne(a => a.Supporter).WithMany().HasForeignKey(a => a.SupporterId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasIndex(a => new { a.ClassSessionId, a.SupporterId }).IsUnique();
        assignment.HasIndex(a => new { a.SupporterId, a.ClassSessionId });
    }
}
