using System.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Messaging;

/// <summary>
/// What Twilio posts back (already signature-checked): a text's or call's status, a resident's text (「キャンセル」,
/// 「はい」, 「停止」), and the steps of the day-before call, answered in TwiML.
/// </summary>
public sealed class TwilioHooks(
    AppDbContext db, UnitOfWork work, AuditLog audit, Notifier notifier, BookingService bookings, ISiteLinks links,
    IOptions<CityOptions> city, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    /// <summary>How long a 「キャンセル」 asked by text waits for its 「はい」.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(1);

    private static readonly string[] MessageFailed = ["undelivered", "failed"];
    private static readonly string[] CallFailed = ["busy", "no-answer", "failed", "canceled"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A status callback. The first report that a booking's text or call did not reach the resident puts them on the call
    /// list with what they were to hear and why; a repeated or later report changes only the status shown.
    /// </summary>
    public Task StatusAsync(IReadOnlyDictionary<string, string> form, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            var (sid, status) = form.TryGetValue("MessageSid", out var m) && form.TryGetValue("MessageStatus", out var ms) ? (m, ms)
                : form.TryGetValue("CallSid", out var c) && form.TryGetValue("CallStatus", out var cs) ? (c, cs) : (null, null);
            if (sid is null || status is null) return;
            var row = await db.OutboxMessages.AsNoTracking().Where(r => r.ProviderId == sid)
                .Select(r => new { r.Id, r.Channel, r.Kind, r.RelatesTo, r.Title, r.DeliveryStatus }).SingleOrDefaultAsync(ct);
            if (row is null) return;
            var failed = (row.Channel == MessageChannel.Voice ? CallFailed : MessageFailed).Contains(status);
            var wasFailed = row.DeliveryStatus is { } before && (MessageFailed.Contains(before) || CallFailed.Contains(before));
            var shortStatus = status.Length > 32 ? status[..32] : status;
            await unit.UpdateAsync(db.OutboxMessages.Where(r => r.Id == row.Id), r => r.SetProperty(x => x.DeliveryStatus, shortStatus), ct);
            if (!failed || wasFailed || !row.Kind.StartsWith("booking-", StringComparison.Ordinal)) return;
            var booking = await db.Bookings.Where(b => b.Code == row.RelatesTo).Select(b => new { b.Id, b.Language }).SingleOrDefaultAsync(ct);
            if (booking is null) return;
            using var language = Languages.Use(booking.Language);
            var why = row.Channel == MessageChannel.Voice
                ? text["自動音声の電話に出ませんでした（{0}）", status].Value
                : text["ショートメールが届きませんでした（{0} {1}）", status, form.GetValueOrDefault("ErrorCode") ?? ""].Value.Replace(" ）", "）", StringComparison.Ordinal);
            notifier.NotReached(booking.Id, row.Title, why);
            audit.Record("message.not-delivered", nameof(OutboxMessage), row.Id, $"{row.Channel} {status}");
        }, ct);

    /// <summary>
    /// A text from a resident. The number it came from finds their bookings; 「キャンセル」 asks which and then 「はい」,
    /// 「停止」 stops texts. Anything else gets the help line. Answers go through the outbox, not in the TwiML.
    /// </summary>
    public async Task InboundAsync(IReadOnlyDictionary<string, string> form, CancellationToken ct)
    {
        var from = form.GetValueOrDefault("From");
        var phone = ResidentChannels.FromE164(from);
        if (phone is null || from is null) return;
        var compact = OpenBookings.Folded(form.GetValueOrDefault("Body") ?? "");
        await work.RunAsync(async unit =>
        {
            var participants = await db.Participants.Where(p => p.Phone == phone && p.ErasedAtUtc == null).ToListAsync(ct);
            if (participants.Count == 0) return;
            var ids = participants.Select(p => p.Id).ToList();
            var open = await OpenBookings.OfAsync(db, b => ids.Contains(b.ParticipantId), Now, ct);
            if (compact is "停止" or "STOP" or "配信停止")
            {
                foreach (var p in participants.Where(p => p.ContactPreference == ContactPreference.Sms))
                {
                    p.ContactPreference = p.Email is null ? ContactPreference.Phone : ContactPreference.Email;
                    audit.Record("resident.sms-stopped", LineConversation.Subject, p.Id);
                }
                notifier.SmsReply(from, "sms", text["ショートメールでのお知らせを止めました。大切なお知らせは、メールか市の担当者からのお電話でお伝えします。"]);
                return;
            }
            if (compact is "キャンセル" or "CANCEL" || BookingSecrets.NormalizeCode(compact) is not null)
            {
                var chosen = BookingSecrets.NormalizeCode(compact) is { } code ? open.Where(b => b.Code == code).ToList() : open;
                if (chosen.Count == 0)
                {
                    notifier.SmsReply(from, "sms", text["キャンセルできるご予約はありません。"]);
                }
                else if (chosen.Count > 1)
                {
                    notifier.SmsReply(from, "sms", text["キャンセルするご予約の予約番号を返信してください。"] + "\n" +
                        string.Join('\n', chosen.Select(b => $"{b.Code} {b.Title} {JapaneseTime.FormatRange(b.StartsAtUtc, b.EndsAtUtc)}")));
                }
                else
                {
                    var booking = chosen[0];
                    var owner = participants.Single(p => p.Id == booking.ParticipantId);
                    owner.CancelAskedBookingId = booking.Id;
                    owner.CancelAskedUntilUtc = Now + AnswerWithin;
                    notifier.SmsReply(from, booking.Code, text["{0} {1} をキャンセルしますか？キャンセルするときは「はい」と返信してください。", booking.Title,
                        JapaneseTime.FormatRange(booking.StartsAtUtc, booking.EndsAtUtc)]);
                }
                return;
            }
            if (compact is "はい" or "YES")
            {
                var asked = participants.FirstOrDefault(p => p.CancelAskedBookingId is not null && p.CancelAskedUntilUtc > Now);
                var booking = asked is null ? null : open.FirstOrDefault(b => b.Id == asked.CancelAskedBookingId);
                foreach (var p in participants) (p.CancelAskedBookingId, p.CancelAskedUntilUtc) = (null, null);
                if (booking is null)
                {
                    notifier.SmsReply(from, "sms", text["キャンセルするときは、まず「キャンセル」と返信してください。"]);
                    return;
                }
                // Joins this unit: the cancellation, its audit entry and its text go together with the cleared question.
                await bookings.CancelByChannelAsync(booking.Code, ids, "SMS", ct);
                return;
            }
            notifier.SmsReply(from, "sms", text["{0} スマホ教室です。ご予約のキャンセルは「キャンセル」と返信してください。ご質問は {1}（{2}）まで。", city.Value.LocalName, city.Value.HelpPhone, city.Value.LocalHelpHours]);
        }, ct);
    }

    /// <summary>
    /// A step of the day-before call, as TwiML. <paramref name="messageKey"/> names the outbox row the call came from;
    /// 1 asks again, 1 once more cancels as the web cancel does, 2 repeats, anything else or silence ends the call.
    /// </summary>
    public async Task<string> VoiceAsync(string? messageKey, string? step, string? digits, CancellationToken ct)
    {
        var call = messageKey is { Length: 32 } ? await db.OutboxMessages.AsNoTracking()
            .Where(r => r.Channel == MessageChannel.Voice && r.MessageId.StartsWith(messageKey))
            .Select(r => new { r.TextBody, r.RelatesTo }).SingleOrDefaultAsync(ct) : null;
        if (call is null) return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>";
        var booking = await db.Bookings.AsNoTracking().Where(b => b.Code == call.RelatesTo).Select(b => new { b.Code, b.Language, b.ParticipantId }).SingleAsync(ct);
        using var language = Languages.Use(booking.Language);
        var voice = Languages.IsEnglish ? "en-US" : "ja-JP";
        string Say(string words) => $"<Say language=\"{voice}\">{SecurityElement.Escape(words)}</Say>";
        string Gather(string next, string words) =>
            $"<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"8\" method=\"POST\" action=\"{SecurityElement.Escape(links.ProviderHook($"/hooks/twilio/voice?m={messageKey}&step={next}"))}\">{Say(words)}</Gather>";
        string Menu() => Gather("menu", call.TextBody + " " + text["キャンセルするときは 1 を、もう一度聞くときは 2 を押してください。"]) + Say(text["お電話ありがとうございました。当日お待ちしています。"]);
        var body = (step, digits) switch
        {
            (null or "", _) or ("menu", "2") => Menu(),
            ("menu", "1") => Gather("confirm", text["キャンセルしてよろしければ、もう一度 1 を押してください。やめるときは 2 を押してください。"])
                + Say(text["キャンセルしませんでした。当日お待ちしています。"]),
            ("confirm", "1") => await CancelByCallAsync(booking.Code, booking.ParticipantId, ct) ? Say(text["キャンセルしました。お電話ありがとうございました。"])
                : Say(text["このご予約はもうキャンセルできません。ご用の方は {0} までお電話ください。", city.Value.HelpPhone]),
            _ => Say(text["キャンセルしませんでした。当日お待ちしています。"]),
        };
        return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>{body}<Hangup/></Response>";
    }

    private async Task<bool> CancelByCallAsync(string code, int participantId, CancellationToken ct) =>
        await bookings.CancelByChannelAsync(code, [participantId], "voice", ct) is CancelResult.Cancelled or CancelResult.AlreadyCancelled;
}
