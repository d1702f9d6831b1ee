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

    /// <summary>How a message went, as the coordinators' list says it.</summary>
    public static string Channel(MessageChannel channel) => channel switch
    {
        MessageChannel.Line => "LINE",
        MessageChannel.Sms => "ショートメール",
        MessageChannel.Voice => "自動音声の電話",
        _ => "メール",
    };

    /// <summary>What a provider reported of a text or call, in words; null for what needs none (mail, LINE, not yet known).</summary>
    public static string? Delivery(string? status) => status switch
    {
        "delivered" => "届きました",
        "undelivered" or "failed" => "届きませんでした",
        "completed" => "電話に出ました",
        "busy" => "話し中でした",
        "no-answer" => "電話に出ませんでした",
        "canceled" => "かかりませんでした",
        null => null,
        _ => "送信中",
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
