namespace SumahoSupport.Core.Consultations;

/// <summary>Japanese names of consultation values, shared by the pages, the slips and the mails.</summary>
public static class ConsultationLabels
{
    public static string Mode(ConsultationMode mode) => mode switch
    {
        ConsultationMode.Phone => "電話で相談",
        ConsultationMode.Online => "オンラインで相談",
        _ => "会場で相談",
    };

    /// <summary>
    /// Where a consultation is: the venue by its own name, or by phone / online in the reader's language
    /// (<paramref name="translate"/> looks up the Japanese label).
    /// </summary>
    public static string Place(string? venueName, ConsultationMode mode, Func<string, string> translate) => venueName ?? translate(Mode(mode));

    /// <summary>What the resident does on the day, on the slip and in the mails.</summary>
    public static string HowToJoin(ConsultationMode mode) => mode switch
    {
        ConsultationMode.Phone => "当日のその時間に、支援員からお電話します。スマホを手元に置いてお待ちください。",
        ConsultationMode.Online => "オンラインでのつなぎ方がわからないときは、下の窓口にお電話ください。",
        _ => "当日は、充電したスマホ（必要なら説明書やメモも）をお持ちください。",
    };

    public static string Status(ConsultationStatus status) => status switch
    {
        ConsultationStatus.Confirmed => "予約済み",
        ConsultationStatus.Cancelled => "キャンセル済み",
        ConsultationStatus.Attended => "相談済み",
        _ => "欠席",
    };

    public static string Resolution(Resolution resolution) => resolution switch
    {
        Consultations.Resolution.Resolved => "解決した",
        Consultations.Resolution.Partly => "一部解決した",
        _ => "解決しなかった",
    };

    /// <summary>A support log's follow-up: not needed, still to do, or done.</summary>
    public static string FollowUp(bool needed, DateTime? doneAtUtc) => (needed, doneAtUtc) switch
    {
        (false, _) => "不要",
        (true, null) => "必要（未対応）",
        _ => "対応済み",
    };
}
