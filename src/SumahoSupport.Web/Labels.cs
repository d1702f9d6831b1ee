using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Staffing;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web;

/// <summary>Japanese screen names of domain values; views pass them through the localizer.</summary>
public static class Labels
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

    public static string SupporterStatus(SupporterStatus status) => SupporterLabels.Status(status);

    /// <summary>The devices a supporter can teach: 「Android・iPhone」.</summary>
    public static string Devices(bool android, bool iPhone) =>
        string.Join("・", new[] { android ? "Android" : null, iPhone ? "iPhone" : null }.OfType<string>());

    public static string Resolution(Core.Consultations.Resolution resolution) => resolution switch
    {
        Core.Consultations.Resolution.Resolved => "解決した",
        Core.Consultations.Resolution.Partly => "一部解決した",
        _ => "解決しなかった",
    };

    public static string Conflict(CandidateConflict conflict) => conflict switch
    {
        CandidateConflict.None => Availability(TimeConflict.None, knowsDevice: true),
        CandidateConflict.Busy => Availability(TimeConflict.Busy, knowsDevice: true),
        CandidateConflict.DayOff => Availability(TimeConflict.DayOff, knowsDevice: true),
        CandidateConflict.NotUsuallyFree => Availability(TimeConflict.NotUsuallyFree, knowsDevice: true),
        CandidateConflict.WrongDevice => "この講座の機種に未対応",
        CandidateConflict.NeedsMentor => "研修中（先に認定支援員が必要）",
        _ => conflict.ToString(),
    };

    public static string Role(string role) => role switch
    {
        Roles.Admin => "管理者",
        Roles.Coordinator => "コーディネーター",
        Roles.Supporter => "支援員",
        _ => role,
    };

    public static string Channel(BookingChannel channel) => channel switch
    {
        BookingChannel.Phone => "電話",
        BookingChannel.Counter => "窓口",
        _ => "Web",
    };

    public static string Device(DeviceType device) => Core.Surveys.SurveyLabels.Device(device);

    public static string Attendance(BookingStatus status) => status switch
    {
        BookingStatus.Attended => "出席",
        BookingStatus.NoShow => "欠席",
        BookingStatus.Confirmed => "未記録",
        BookingStatus.Waitlisted => "キャンセル待ち",
        _ => "キャンセル",
    };

    public static string MailStatus(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => "送信済み",
        OutboxStatus.Dead => "送信できませんでした",
        OutboxStatus.Sending => "送信中",
        _ => "送信待ち",
    };

    public static string CallReason(CallReason reason, bool consultation) => (reason, consultation) switch
    {
        (Core.Notifications.CallReason.Reminder, false) => "明日の教室のご案内",
        (Core.Notifications.CallReason.Reminder, true) => "明日のスマホ相談のご案内",
        (Core.Notifications.CallReason.Promoted, _) => "キャンセル待ちから予約確定",
        (Core.Notifications.CallReason.Changed, _) => "日時・会場の変更",
        (Core.Notifications.CallReason.FollowUp, _) => "理解度フォロー（相談・再受講のご案内）",
        (_, false) => "教室の中止",
        (_, true) => "スマホ相談の取り消し",
    };

    public static string ConsultationStatus(Core.Consultations.ConsultationStatus status) => status switch
    {
        Core.Consultations.ConsultationStatus.Confirmed => "予約済み",
        Core.Consultations.ConsultationStatus.Cancelled => "キャンセル済み",
        Core.Consultations.ConsultationStatus.Attended => "相談済み",
        _ => "欠席",
    };

    public static string FollowUpStatus(Core.Surveys.FollowUpStatus status) => status switch
    {
        Core.Surveys.FollowUpStatus.Open => "ご案内済み（予約待ち）",
        Core.Surveys.FollowUpStatus.Arranged => "予約済み",
        Core.Surveys.FollowUpStatus.Completed => "2回目の回答あり",
        _ => "辞退",
    };

    public static string FollowUp(bool needed, DateTime? doneAtUtc) => (needed, doneAtUtc) switch
    {
        (false, _) => "不要",
        (true, null) => "必要（未対応）",
        _ => "対応済み",
    };

    /// <summary>Why a supporter may not suit a consultation's time or the resident's phone.</summary>
    public static string Availability(TimeConflict conflict, bool knowsDevice) => conflict switch
    {
        TimeConflict.Busy => "同じ時間に別の担当（教室・相談）あり",
        TimeConflict.DayOff => "休みの日",
        TimeConflict.NotUsuallyFree => "活動できる時間の外",
        _ when !knowsDevice => "この機種に未対応",
        _ => "おすすめ",
    };
}
