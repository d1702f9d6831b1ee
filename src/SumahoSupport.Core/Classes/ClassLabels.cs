namespace SumahoSupport.Core.Classes;

/// <summary>Japanese screen names of course and class values; pages pass them through the localizer.</summary>
public static class ClassLabels
{
    public static string Level(CourseLevel level) => level switch
    {
        CourseLevel.Introductory => "入門",
        CourseLevel.Beginner => "初級",
        CourseLevel.Intermediate => "中級",
        _ => level.ToString(),
    };

    public static string Os(TargetOs os) => os switch
    {
        TargetOs.Android => "Android",
        TargetOs.IPhone => "iPhone",
        _ => "Android・iPhone",
    };
}
