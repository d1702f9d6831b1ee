using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Classes;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> course)
    {
        course.Property(c => c.Code).HasMaxLength(50);
        course.Property(c => c.Title).HasMaxLength(100);
        course.Property(c => c.Summary).HasMaxLength(1000);
        course.Property(c => c.Topic).HasMaxLength(50);
        course.Property(c => c.ThingsToBring).HasMaxLength(500);
        course.Property(c => c.TitleEn).HasMaxLength(100);
        course.Property(c => c.SummaryEn).HasMaxLength(1000);
        course.Property(c => c.ThingsToBringEn).HasMaxLength(500);
        course.HasIndex(c => c.Code).IsUnique();
        course.HasMany(c => c.LearningGoals).WithOne().HasForeignKey(g => g.CourseId).OnDelete(DeleteBehavior.Cascade);
        course.HasMany(c => c.ExtraQuestions).WithOne().HasForeignKey(q => q.CourseId).OnDelete(DeleteBehavior.Cascade);
        course.HasOne(c => c.SurveyTemplate).WithMany().HasForeignKey(c => c.SurveyTemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LearningGoalConfiguration : IEntityTypeConfiguration<LearningGoal>
{
    public void Configure(EntityTypeBuilder<LearningGoal> goal)
    {
        goal.Property(g => g.Text).HasMaxLength(200);
        goal.HasIndex(g => new { g.CourseId, g.Order }).IsUnique();
    }
}
