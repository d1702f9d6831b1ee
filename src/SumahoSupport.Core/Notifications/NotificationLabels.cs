namespace SumahoSupport.Core.Notifications;

/// <summary>Japanese names of mail and call-list values.</summary>
public static class NotificationLabels
{
    public static string MailStatus(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => "送信済み",
        OutboxStatus.Dead => "送信できませんでした",
        OutboxStatus.Sending => "送信中",
        _ => "送信待ち",
    };

    /// <summary>Why staff call a resident, as the call list says it.</summary>
    public static string CallReason(CallReason reason, bool consultation) => (reason, consultation) switch
    {
        (Notifications.CallReason.Reminder, false) => "明日の教室のご案内",
        (Notifications.CallReason.Reminder, true) => "明日のスマホ相談のご案内",
        (Notifications.CallReason.Promoted, _) => "キャンセル待ちから予約確定",
        (Notifications.CallReason.Changed, _) => "日時・会場の変更",
        (Notifications.CallReason.FollowUp, _) => "理解度フォロー（相談・再受講のご案内）",
        (Notifications.CallReason.WaitlistLapsed, _) => "キャンセル待ちの終了",
        (Notifications.CallReason.NotReached, _) => "LINE・ショートメール・自動音声が届かなかった",
        (_, false) => "教室の中止",
        (_, true) => "スマホ相談の取り消し",
    };
}
