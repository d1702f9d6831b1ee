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

    /// <summary>What a level means, in one line a resident can judge themselves by.</summary>
    public static string LevelExplained(CourseLevel level) => level switch
    {
        CourseLevel.Introductory => "スマホを持っていない・さわったことがない方",
        CourseLevel.Beginner => "電話はかけられるが、アプリやインターネットはこれからの方",
        CourseLevel.Intermediate => "LINEやインターネットを使っていて、もっと便利にしたい方",
        _ => "",
    };

    public static string Os(TargetOs os) => os switch
    {
        TargetOs.Android => "Android",
        TargetOs.IPhone => "iPhone",
        _ => "Android・iPhone",
    };
}
