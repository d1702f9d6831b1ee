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
        response.HasMany(r => r.Extra).WithOne().HasForeignKey(a => a.SurveyResponseId).OnDelete(DeleteBehavior.Cascade);
        response.HasIndex(r => r.TokenHash).IsUnique();
        response.HasOne<Bookings.Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
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

internal sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> template)
    {
        template.Property(t => t.Code).HasMaxLength(50);
        template.Property(t => t.Name).HasMaxLength(100);
        foreach (var text in new[] { nameof(SurveyTemplate.UnderstandingText), nameof(SurveyTemplate.SatisfactionText), nameof(SurveyTemplate.CanDoText), nameof(SurveyTemplate.SomeoneToAskText), nameof(SurveyTemplate.CommentText) })
            template.Property(text).HasMaxLength(SurveyTemplate.MaxTextLength);
        template.HasIndex(t => t.Code).IsUnique();
    }
}

internal sealed class ExtraQuestionConfiguration : IEntityTypeConfiguration<ExtraQuestion>
{
    public void Configure(EntityTypeBuilder<ExtraQuestion> question)
    {
        question.Property(q => q.Text).HasMaxLength(SurveyTemplate.MaxTextLength);
        question.Property(q => q.Choices).HasMaxLength(ExtraQuestion.MaxChoices * (ExtraQuestion.MaxChoiceLength + 1));
        question.Ignore(q => q.ChoiceList);
        question.HasIndex(q => new { q.CourseId, q.Order });
    }
}

internal sealed class ExtraAnswerConfiguration : IEntityTypeConfiguration<ExtraAnswer>
{
    public void Configure(EntityTypeBuilder<ExtraAnswer> answer)
    {
        answer.Property(a => a.Value).HasMaxLength(ExtraQuestion.MaxAnswerLength);
        // A question taken off a course keeps its answers (it is retired, not deleted).
        answer.HasOne<ExtraQuestion>().WithMany().HasForeignKey(a => a.ExtraQuestionId).OnDelete(DeleteBehavior.Restrict);
        answer.HasIndex(a => new { a.SurveyResponseId, a.ExtraQuestionId }).IsUnique();
        // The results are a GROUP BY over the question and the answer.
        answer.HasIndex(a => new { a.ExtraQuestionId, a.Value });
    }
}
