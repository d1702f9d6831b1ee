using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Core.Staffing;

/// <summary>
/// docs/ARCHITECTURE.md, "Rules" 3 (the national program's rule): one 講師 who is a Lead, plus one 講師 or 補助 for every 4
/// confirmed attendees. A Trainee counts only beside a Certified or Lead supporter.
/// </summary>
public static class StaffingRule
{
    public const int AttendeesPerHelper = 4;

    public static StaffingCheck Evaluate(int confirmedAttendees, IReadOnlyCollection<StaffMember> staff)
    {
        var lecturers = staff.Count(s => s.Role == AssignmentRole.Lecturer && s.Status == SupporterStatus.Lead);
        var qualified = staff.Count(s => s.Status is SupporterStatus.Certified or SupporterStatus.Lead);
        var trainees = staff.Count(s => s.Role == AssignmentRole.Assistant && s.Status == SupporterStatus.Trainee);
        var qualifiedAssistants = staff.Count(s => s.Role == AssignmentRole.Assistant && s.Status is SupporterStatus.Certified or SupporterStatus.Lead);

        // The first Lead lecturer leads; any further lecturers help like assistants.
        var helpers = Math.Max(0, lecturers - 1) + qualifiedAssistants + (qualified > 0 ? trainees : 0);
        var helpersNeeded = (confirmedAttendees + AttendeesPerHelper - 1) / AttendeesPerHelper;
        return new StaffingCheck(lecturers > 0, helpers, helpersNeeded, trainees > 0 && qualified == 0);
    }
}

public sealed record StaffMember(AssignmentRole Role, SupporterStatus Status);

public sealed record StaffingCheck(bool HasLecturer, int Helpers, int HelpersNeeded, bool TraineeWithoutMentor)
{
    public bool IsStaffed => HasLecturer && Helpers >= HelpersNeeded;

    public int HelpersMissing => Math.Max(0, HelpersNeeded - Helpers);
}
