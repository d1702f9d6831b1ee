using Microsoft.Extensions.Localization;
using SumahoSupport.Core.Calendar;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Messaging;

/// <summary>
/// What a LINE message, a text or an automated call says about a booking, in the current language (the booking's). It
/// names the class, the date, the place and the 予約番号 — never the resident: a phone's lock screen shows a text to
/// whoever holds it, and a number can change hands.
/// </summary>
public sealed class ShortMessages(IStringLocalizer<SharedResource> text)
{
    /// <summary>The one line that says what happened.</summary>
    public string Headline(BookingNotice notice, string? reason, int waitlistPosition) => notice switch
    {
        BookingNotice.Confirmed => text["ご予約を承りました。"],
        BookingNotice.Waitlisted => text["キャンセル待ちに登録しました（{0}番目）。", waitlistPosition],
        BookingNotice.Promoted => text["キャンセル待ちから予約が確定しました。"],
        BookingNotice.Changed => text["教室の日時・会場が変わりました。"],
        BookingNotice.Cancelled => text["ご予約をキャンセルしました。"],
        BookingNotice.SessionCancelled => string.IsNullOrEmpty(reason) ? text["教室が中止になりました。"] : text["教室が中止になりました（{0}）。", reason],
        BookingNotice.Reminder => text["明日は教室の日です。"],
        BookingNotice.WaitlistLapsed => text["締め切りまでに席が空かず、キャンセル待ちは終わりました。"],
        BookingNotice.Moved => reason is null ? text["ご予約の日を変えました。"] : text["参加者が少ない教室をまとめたため、ご予約の日が変わりました。"],
        _ => throw new ArgumentOutOfRangeException(nameof(notice)),
    };

    /// <summary>A LINE message: the headline, then the class, date, place, number and manage link on lines of their own.</summary>
    public string ForLine(string cityName, BookingFacts booking, string headline, string manageUrl) => string.Join('\n',
        text["【{0} スマホ教室】", cityName].Value, headline, "", booking.Title,
        JapaneseTime.FormatRange(booking.StartsAtUtc, booking.EndsAtUtc, withYear: true), booking.VenueName,
        text["予約番号: {0}", booking.Code].Value, text["確認・キャンセル: {0}", manageUrl].Value);

    /// <summary>A text message: the same facts, on as few lines as read well (every 70 characters is another charge).</summary>
    public string ForSms(string cityName, BookingFacts booking, string headline, string manageUrl) => string.Join('\n',
        text["【{0} スマホ教室】", cityName].Value + headline,
        $"{booking.Title} {JapaneseTime.FormatRange(booking.StartsAtUtc, booking.EndsAtUtc)} {booking.VenueName}",
        text["予約番号: {0}", booking.Code].Value, manageUrl);

    /// <summary>What the automated call says the day before, before it asks for a key.</summary>
    public string ForVoice(string cityName, BookingFacts booking) =>
        text["{0}のスマホ教室からのお知らせです。明日、{1}から、{2}で、{3}があります。", cityName,
            JapaneseTime.FormatTime(booking.StartsAtUtc), booking.VenueName, booking.Title];

    public string CancelButton => text["キャンセルする"];
}
