using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SumahoSupport.Core.Surveys;

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> response)
    {
        response.Property(r => r.TokenHash).HasMaxLength(64);
        response.Property(r => r.Comment).HasMaxLength(1000);
        response.HasOne(r => r.ClassSession).WithMany().HasForeignKey(r => r.ClassSessionId).OnDelete(DeleteBehavior.Restrict);
        response.HasMany(r => r.CanDo).WithOne().HasForeignKey(a => a.SurveyResponseId).OnDelete(DeleteBehavior.Cascade);
        response.HasIndex(r => r.TokenHash).IsUnique();
        // The understanding rate is a GROUP BY over these two columns, filtered by session.
        response.HasIndex(r => new { r.ClassSessionId, r.Understanding });
        response.ToTable(t => t.HasCheckConstraint("CK_SurveyResponses_Satisfaction", "[Satisfaction] IS NULL OR ([Satisfaction] >= 1 AND [Satisfaction] <= 5)"));
    }
}

internal sealed class CanDoAnswerConfiguration : IEntityTypeConfiguration<CanDoAnswer>
{
    public void Configure(EntityTypeBuilder<CanDoAnswer> answer)
    {
        answer.HasIndex(a => new { a.SurveyResponseId, a.LearningGoalId, a.Before }).IsUnique();
        answer.HasIndex(a => new { a.LearningGoalId, a.Before, a.Level });
    }
}

internal sealed class UnderstandingTallyConfiguration : IEntityTypeConfiguration<UnderstandingTally>
{
    public void Configure(EntityTypeBuilder<UnderstandingTally> tally)
    {
        tally.Property(t => t.EnteredBy).HasMaxLength(256);
        tally.HasOne(t => t.ClassSession).WithMany().HasForeignKey(t => t.ClassSessionId).OnDelete(DeleteBehavior.Restrict);
        // One count per answer per session: entering the pile again replaces the count.
        tally.HasIndex(t => new { t.ClassSessionId, t.Answer }).IsUnique();
        tally.ToTable(t => t.HasCheckConstraint("CK_UnderstandingTallies_Count", "[Count] >= 0"));
    }
}

internal sealed class SurveyFollowUpConfiguration : IEntityTypeConfiguration<SurveyFollowUp>
{
    public void Configure(EntityTypeBuilder<SurveyFollowUp> followUp)
    {
        followUp.Property(f => f.ChangedBy).HasMaxLength(256);
        followUp.HasOne(f => f.SurveyResponse).WithMany().HasForeignKey(f => f.SurveyResponseId).OnDelete(DeleteBehavior.Restrict);
        followUp.HasOne(f => f.Booking).WithMany().HasForeignKey(f => f.BookingId).OnDelete(DeleteBehavior.Restrict);
        followUp.HasOne(f => f.RepeatBooking).WithMany().HasForeignKey(f => f.RepeatBookingId).OnDelete(DeleteBehavior.Restrict);
        followUp.HasOne(f => f.ConsultationBooking).WithMany().HasForeignKey(f => f.ConsultationBookingId).OnDelete(DeleteBehavior.Restrict);
        // One follow-up per answer, however often the resident presses 「はい」.
        followUp.HasIndex(f => f.SurveyResponseId).IsUnique();
        followUp.HasIndex(f => new { f.Status, f.CreatedAtUtc });
    }
}
