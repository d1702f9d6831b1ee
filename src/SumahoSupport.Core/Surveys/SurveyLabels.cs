using SumahoSupport.Core.Bookings;

namespace SumahoSupport.Core.Surveys;

/// <summary>Japanese names of survey values, shared by the screens and the CSV/Excel exports.</summary>
public static class SurveyLabels
{
    /// <summary>Answers counted from a pile of paper forms carry no age or device.</summary>
    public const string Tallied = "不明（集計入力）";

    public static string AgeBand(AgeBand band) => band switch
    {
        Bookings.AgeBand.Under60 => "59歳以下",
        Bookings.AgeBand.Sixties => "60代",
        Bookings.AgeBand.Seventies => "70代",
        Bookings.AgeBand.Eighties => "80代",
        Bookings.AgeBand.NinetiesOrOver => "90歳以上",
        _ => "答えない・不明",
    };

    public static string Device(DeviceType? device) => device switch
    {
        DeviceType.Android => "Android",
        DeviceType.IPhone => "iPhone",
        DeviceType.None => "持っていない",
        _ => "不明",
    };

    public static string Understanding(Understanding answer) => answer switch
    {
        Surveys.Understanding.WellUnderstood => "よく理解できた",
        Surveys.Understanding.MostlyUnderstood => "だいたい理解できた",
        Surveys.Understanding.NotReallyUnderstood => "あまり理解できなかった",
        _ => "理解できなかった",
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
}
