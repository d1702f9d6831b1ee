namespace SumahoSupport.Core.Surveys;

/// <summary>Japanese names of survey values, shared by the screens, the survey itself and the CSV/Excel exports.</summary>
public static class SurveyLabels
{
    /// <summary>Answers counted from a pile of paper forms carry no age or device.</summary>
    public const string Tallied = "不明（集計入力）";

    public static string Understanding(Understanding answer) => answer switch
    {
        Surveys.Understanding.WellUnderstood => "よく理解できた",
        Surveys.Understanding.MostlyUnderstood => "だいたい理解できた",
        Surveys.Understanding.NotReallyUnderstood => "あまり理解できなかった",
        _ => "理解できなかった",
    };

    /// <summary>Q2 満足度, 5 (満足) down to 1 (不満).</summary>
    public static string Satisfaction(int score) => score switch
    {
        5 => "満足",
        4 => "やや満足",
        3 => "ふつう",
        2 => "やや不満",
        _ => "不満",
    };

    public static string Channel(SurveyChannel channel) => channel switch
    {
        SurveyChannel.Email => "メール",
        SurveyChannel.Paper => "紙",
        _ => "QRコード",
    };

    public static string CanDo(CanDoLevel level) => level switch
    {
        CanDoLevel.Alone => "ひとりでできる",
        CanDoLevel.WithHelp => "手伝いがあればできる",
        _ => "まだできない",
    };

    public static string FollowUpStatus(FollowUpStatus status) => status switch
    {
        Surveys.FollowUpStatus.Open => "ご案内済み（予約待ち）",
        Surveys.FollowUpStatus.Arranged => "予約済み",
        Surveys.FollowUpStatus.Completed => "2回目の回答あり",
        _ => "辞退",
    };
}
