namespace SumahoSupport.Core.Auditing;

/// <summary>
/// The audit trail in words: each action code and subject type as an administrator or an auditor reads it. The codes
/// stay in the database and the CSV (they are what a filter or a script matches); these are for the screen. An action
/// without words here is shown as its code, so nothing is hidden.
/// </summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["account.authenticator-reset"] = "認証アプリの設定を取り消した",
        ["account.created"] = "アカウントを作った",
        ["account.disabled"] = "アカウントを休止した",
        ["account.enabled"] = "アカウントを再開した",
        ["account.invited"] = "アカウントに招待した",
        ["account.password-changed"] = "パスワードを変えた",
        ["account.password-reset-sent"] = "パスワード再設定の案内を送った",
        ["account.role-changed"] = "役割を変えた",
        ["account.two-factor-enabled"] = "2段階認証を設定した",
        ["account.unlocked"] = "ログインの制限を解いた",
        ["account.locked"] = "続けてパスワードを誤ったのでログインを止めた",
        ["assignment.added"] = "担当を決めた",
        ["assignment.removed"] = "担当を外した",
        ["assignment.absent"] = "支援員を欠席にした",
        ["assignment.present"] = "支援員を出席にした",
        ["assignment.accepted"] = "担当を引き受けた",
        ["assignment.declined"] = "担当を辞退した",
        ["assignment.tentative"] = "担当を未定と答えた",
        ["assignment.replaced"] = "辞退した担当に代わりの支援員を入れた",
        ["booking.confirmed"] = "予約を受けた",
        ["booking.waitlisted"] = "キャンセル待ちを受けた",
        ["booking.walkin"] = "当日参加を登録した",
        ["booking.cancelled"] = "予約を取り消した",
        ["booking.cancel-undone"] = "予約の取り消しを元に戻した",
        ["booking.moved"] = "予約の日にちを変えた（振替）",
        ["booking.promoted"] = "キャンセル待ちから予約を確定した",
        ["booking.waitlist-lapsed"] = "キャンセル待ちが締切で終わった",
        ["booking.attended"] = "出席にした",
        ["booking.noshow"] = "欠席にした",
        ["booking.lookup-locked"] = "予約の確認を今日は止めた（電話番号の誤り）",
        ["booking.lookup-opened"] = "予約番号と電話番号で予約を開いた",
        ["call.done"] = "電話連絡を済ませた",
        ["message.not-delivered"] = "ショートメール・自動音声が届かず電話連絡リストに入れた",
        ["resident.contact-changed"] = "ご連絡の方法を変えた（本人）",
        ["resident.line-linked"] = "LINE とつないだ（本人）",
        ["resident.line-unlinked"] = "LINE の連携をやめた",
        ["resident.sms-stopped"] = "ショートメールを止めた（本人の返信「停止」）",
        ["consultation-schedule.added"] = "相談の日程を追加した",
        ["consultation.booked"] = "スマホ相談の予約を受けた",
        ["consultation.cancelled"] = "スマホ相談を取り消した（本人）",
        ["consultation.cancelled-by-city"] = "スマホ相談を取り消した（市）",
        ["consultation.reassigned"] = "スマホ相談の担当を替えた",
        ["consultation.supporter-accepted"] = "スマホ相談の担当を引き受けた（カレンダーの返信）",
        ["consultation.supporter-declined"] = "スマホ相談の担当を辞退した（カレンダーの返信）",
        ["consultation.supporter-tentative"] = "スマホ相談の担当を未定と返信した（カレンダーの返信）",
        ["course.created"] = "講座を作った",
        ["course.updated"] = "講座を変えた",
        ["follow-up.answered"] = "理解度フォローの回答を記録した",
        ["follow-up.arranged"] = "理解度フォローを手配した",
        ["follow-up.declined"] = "理解度フォローを断られた",
        ["follow-up.offered"] = "理解度フォローを案内した",
        ["follow-up.withdrawn"] = "理解度フォローを取り下げた",
        ["mail.resent"] = "メールを再送した",
        ["report.exported"] = "報告書をダウンロードした",
        ["resident.disclosed"] = "個人情報を開示した",
        ["resident.erased"] = "個人情報を削除した（本人の求め）",
        ["resident.expired"] = "個人情報を削除した（保存期間の終了）",
        ["series.created"] = "繰り返しの教室を作った",
        ["series.updated"] = "繰り返しの教室をまとめて変えた",
        ["session.created"] = "教室を作った",
        ["session.updated"] = "教室を変えた",
        ["session.moved"] = "教室の日時を変えた",
        ["session.cancelled"] = "教室を中止した",
        ["session.merged"] = "人数の少ない教室を別の日にまとめた",
        ["support-log.recorded"] = "相談記録を書いた",
        ["support-log.follow-up-done"] = "相談のフォローを済ませた",
        ["supporter.applied"] = "支援員に応募した",
        ["supporter.approved"] = "支援員の応募を受け付けた",
        ["supporter.availability-changed"] = "活動できる時間を変えた",
        ["supporter.certified"] = "支援員を認定した",
        ["supporter.certification-renewed"] = "支援員の認定を更新した",
        ["supporter.certification-reinstated"] = "支援員の認定を戻した",
        ["supporter.certification-lapsed"] = "支援員の認定が期限で切れた",
        ["supporter.lead-granted"] = "講師（リーダー）にした",
        ["supporter.day-off-added"] = "休みの日を加えた",
        ["supporter.day-off-removed"] = "休みの日を外した",
        ["supporter.deactivated"] = "支援員を休止にした",
        ["supporter.reactivated"] = "支援員を再開にした",
        ["supporter.feed-issued"] = "カレンダーの購読アドレスを発行した",
        ["supporter.feed-renewed"] = "カレンダーの購読アドレスを作り直した",
        ["survey.submitted"] = "アンケートに答えた",
        ["survey.updated"] = "アンケートの回答を直した",
        ["survey.paper"] = "紙のアンケートを入力した",
        ["survey.tally"] = "アンケートの集計を入力した",
        ["survey-template.created"] = "アンケートのひな形を作った",
        ["survey-template.updated"] = "アンケートのひな形を変えた",
        ["training.attendance-recorded"] = "対面研修の受講を記録した",
        ["training.test-passed"] = "確認テストに合格した",
        ["training.test-failed"] = "確認テストが不合格だった",
        ["venue.created"] = "会場を登録した",
        ["venue.updated"] = "会場を変えた",
        ["venue.retired"] = "会場の使用を終えた",
        ["venue.reinstated"] = "会場の使用を再開した",
    };

    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["account"] = "アカウント", ["assignment"] = "支援員の担当", ["booking"] = "教室の予約", ["call"] = "電話連絡",
        ["consultation"] = "スマホ相談", ["consultation-schedule"] = "相談の日程", ["course"] = "講座", ["follow-up"] = "理解度フォロー",
        ["mail"] = "メール", ["report"] = "報告書", ["resident"] = "個人情報", ["series"] = "繰り返しの教室", ["session"] = "教室",
        ["support-log"] = "相談記録", ["supporter"] = "支援員", ["survey"] = "アンケート", ["survey-template"] = "アンケートのひな形",
        ["training"] = "研修", ["venue"] = "会場",
    };

    private static readonly Dictionary<string, string> Subjects = new(StringComparer.Ordinal)
    {
        ["AppUser"] = "アカウント", ["Booking"] = "予約", ["CallTask"] = "電話連絡", ["ClassSeries"] = "繰り返しの教室", ["ClassSession"] = "教室",
        ["ConsultationBooking"] = "スマホ相談", ["ConsultationSchedule"] = "相談の日程", ["Course"] = "講座", ["OutboxMessage"] = "メール",
        ["Participant"] = "住民", ["Report"] = "報告書", ["Supporter"] = "支援員", ["SupportLog"] = "相談記録", ["SurveyFollowUp"] = "理解度フォロー",
        ["SurveyResponse"] = "アンケートの回答", ["SurveyTemplate"] = "アンケートのひな形", ["Venue"] = "会場",
    };

    /// <summary>「予約を取り消した」 for <c>booking.cancelled</c>; the code itself when there are no words for it.</summary>
    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    /// <summary>「教室の予約（すべて）」's first part for the filter: the group of <c>booking.*</c>.</summary>
    public static string Group(string group) => Groups.GetValueOrDefault(group, group);

    public static string Subject(string subjectType) => Subjects.GetValueOrDefault(subjectType, subjectType);

    /// <summary>Every action with words, so a test can hold the list against the codes the app writes.</summary>
    public static IReadOnlyCollection<string> KnownActions => Actions.Keys;
}
