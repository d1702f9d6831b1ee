using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Tests.Staffing;

public sealed class StaffingRuleTests
{
    private static readonly StaffMember LeadLecturer = new(AssignmentRole.Lecturer, SupporterStatus.Lead);
    private static readonly StaffMember CertifiedAssistant = new(AssignmentRole.Assistant, SupporterStatus.Certified);
    private static readonly StaffMember TraineeAssistant = new(AssignmentRole.Assistant, SupporterStatus.Trainee);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(8, 2)]
    [InlineData(9, 3)]
    public void HelpersNeeded_IsOnePerFourAttendees(int attendees, int helpers) =>
        Assert.Equal(helpers, StaffingRule.Evaluate(attendees, [LeadLecturer]).HelpersNeeded);

    [Fact]
    public void NoLecturer_IsNeverStaffed_HoweverManyAssistants() =>
        Assert.False(StaffingRule.Evaluate(2, [CertifiedAssistant, CertifiedAssistant, CertifiedAssistant]).IsStaffed);

    [Fact]
    public void ALecturerWhoIsNotALead_DoesNotCount() =>
        Assert.False(StaffingRule.Evaluate(0, [new StaffMember(AssignmentRole.Lecturer, SupporterStatus.Certified)]).HasLecturer);

    [Fact]
    public void LeadPlusOneHelperPerFour_IsStaffed()
    {
        var check = StaffingRule.Evaluate(8, [LeadLecturer, CertifiedAssistant, new StaffMember(AssignmentRole.Lecturer, SupporterStatus.Lead)]);
        Assert.True(check.IsStaffed);
        Assert.Equal(0, check.HelpersMissing);
    }

    [Fact]
    public void MissingHelpers_AreCounted()
    {
        var check = StaffingRule.Evaluate(9, [LeadLecturer, CertifiedAssistant]);
        Assert.False(check.IsStaffed);
        Assert.Equal(2, check.HelpersMissing);
    }

    [Fact]
    public void ATraineeCountsBesideACertifiedOrLead()
    {
        Assert.True(StaffingRule.Evaluate(4, [LeadLecturer, TraineeAssistant]).IsStaffed);
        var alone = StaffingRule.Evaluate(4, [TraineeAssistant]);
        Assert.False(alone.IsStaffed);
        Assert.True(alone.TraineeWithoutMentor);
        Assert.Equal(0, alone.Helpers);
    }

    [Fact]
    public void InactiveOrApplicantAssistants_DoNotCount() =>
        Assert.Equal(0, StaffingRule.Evaluate(4, [LeadLecturer, new StaffMember(AssignmentRole.Assistant, SupporterStatus.Applicant), new StaffMember(AssignmentRole.Assistant, SupporterStatus.Inactive)]).Helpers);
}
