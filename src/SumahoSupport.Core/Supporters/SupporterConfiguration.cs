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
        supporter.Property(s => s.ApplicationNote).HasMaxLength(500);
        supporter.HasMany(s => s.WeeklyAvailability).WithOne().HasForeignKey(a => a.SupporterId).OnDelete(DeleteBehavior.Cascade);
        supporter.HasMany(s => s.AvailabilityExceptions).WithOne().HasForeignKey(a => a.SupporterId).OnDelete(DeleteBehavior.Cascade);
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
        module.HasMany(m => m.Questions).WithOne().HasForeignKey(q => q.TrainingModuleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingQuestionConfiguration : IEntityTypeConfiguration<TrainingQuestion>
{
    public void Configure(EntityTypeBuilder<TrainingQuestion> question)
    {
        question.Property(q => q.Text).HasMaxLength(300);
        question.Property(q => q.ChoicesText).HasMaxLength(1000);
        question.Ignore(q => q.Choices);
        question.HasIndex(q => new { q.TrainingModuleId, q.Order }).IsUnique();
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> record)
    {
        record.HasOne(r => r.Supporter).WithMany(s => s.TrainingRecords).HasForeignKey(r => r.SupporterId).OnDelete(DeleteBehavior.Cascade);
        record.HasOne(r => r.TrainingModule).WithMany().HasForeignKey(r => r.TrainingModuleId).OnDelete(DeleteBehavior.Restrict);
        record.HasIndex(r => new { r.SupporterId, r.TrainingModuleId, r.Attempt }).IsUnique();
    }
}

internal sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> certification)
    {
        certification.HasOne(c => c.Supporter).WithMany(s => s.Certifications).HasForeignKey(c => c.SupporterId).OnDelete(DeleteBehavior.Cascade);
        certification.Property(c => c.PublicId).HasMaxLength(32);
        certification.HasIndex(c => c.PublicId).IsUnique();
        certification.HasIndex(c => new { c.SupporterId, c.IssuedAtUtc });
        certification.HasIndex(c => c.ExpiresAtUtc);
    }
}

internal sealed class WeeklyAvailabilityConfiguration : IEntityTypeConfiguration<WeeklyAvailability>
{
    public void Configure(EntityTypeBuilder<WeeklyAvailability> availability) =>
        availability.HasIndex(a => new { a.SupporterId, a.Weekday, a.StartMinute }).IsUnique();
}

internal sealed class AvailabilityExceptionConfiguration : IEntityTypeConfiguration<AvailabilityException>
{
    public void Configure(EntityTypeBuilder<AvailabilityException> exception)
    {
        exception.Property(e => e.Note).HasMaxLength(100);
        exception.HasIndex(e => new { e.SupporterId, e.Date }).IsUnique();
    }
}
