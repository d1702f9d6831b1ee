namespace SumahoSupport.Core.Bookings;

/// <summary>Japanese names of booking and participant values, shared by the pages, the mails and the exports.</summary>
public static class BookingLabels
{
    /// <summary>ご連絡の方法 as residents read it on the form, and staff on the resident's record.</summary>
    public static string Contact(ContactPreference contact) => contact switch
    {
        ContactPreference.Email => "メール",
        ContactPreference.Line => "LINE（ライン）",
        ContactPreference.Sms => "ショートメール（携帯電話）",
        ContactPreference.Voice => "自動音声の電話（前日のご案内）",
        _ => "市の担当者からの電話",
    };

    public static string Channel(BookingChannel channel) => channel switch
    {
        BookingChannel.Phone => "電話",
        BookingChannel.Counter => "窓口",
        _ => "Web",
    };

    /// <summary>A booking's state in words, for the resident's own record.</summary>
    public static string Status(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "予約済み",
        BookingStatus.Waitlisted => "キャンセル待ち",
        BookingStatus.Attended => "出席",
        BookingStatus.NoShow => "欠席",
        BookingStatus.Lapsed => "キャンセル待ち終了",
        _ => "キャンセル",
    };

    /// <summary>A roster's 出欠 column: what became of a booking.</summary>
    public static string Attendance(BookingStatus status) => status switch
    {
        BookingStatus.Attended => "出席",
        BookingStatus.NoShow => "欠席",
        BookingStatus.Confirmed => "未記録",
        BookingStatus.Waitlisted => "キャンセル待ち",
        BookingStatus.Lapsed => "キャンセル待ち終了",
        _ => "キャンセル",
    };

    public static string AgeBand(AgeBand band) => band switch
    {
        Bookings.AgeBand.Under60 => "59歳以下",
        Bookings.AgeBand.Sixties => "60代",
        Bookings.AgeBand.Seventies => "70代",
        Bookings.AgeBand.Eighties => "80代",
        Bookings.AgeBand.NinetiesOrOver => "90歳以上",
        _ => "答えない・不明",
    };

    /// <summary>The resident's phone; null when nobody said (a paper survey left blank).</summary>
    public static string Device(DeviceType? device) => device switch
    {
        DeviceType.Android => "Android",
        DeviceType.IPhone => "iPhone",
        DeviceType.None => "持っていない",
        _ => "不明",
    };
}
