using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Messaging;

/// <summary>
/// What residents write to the city's LINE official account, from the webhook (already signature-checked): linking with
/// the 連携コード or with 予約番号 and phone, 「キャンセル」 (asked once more before it cancels), 「通知をやめる」, and
/// blocking the account (which unlinks). Every answer is a push through the outbox, written with the change it reports.
/// </summary>
public sealed class LineConversation(
    AppDbContext db, UnitOfWork work, AuditLog audit, Notifier notifier, BookingService bookings, BookingLookup lookup,
    IOptions<CityOptions> city, IStringLocalizer<SharedResource> text, TimeProvider clock, ILogger<LineConversation> logger)
{
    private const string AskPrefix = "cancel:";
    private const string YesPrefix = "cancel-yes:";
    private const string NoPrefix = "cancel-no:";
    public const string Subject = "Participant";

    /// <summary>How long a 連携コード shown on a booking's page stays good.</summary>
    public static readonly TimeSpan LinkCodeLifetime = TimeSpan.FromDays(30);

    /// <summary>The postback of 「キャンセルする」 on a booking's message.</summary>
    public static string CancelAsk(string code) => AskPrefix + code;

    /// <summary>A new 連携コード: eight characters residents can read and type (no 0/O, 1/I).</summary>
    public static string NewLinkCode() => RandomNumberGenerator.GetString(BookingSecrets.CodeAlphabet, 8);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Handles each event of one webhook request. One that fails is logged and the rest go on; the answer then asks LINE
    /// to deliver the request again (it does when redelivery is on), and each event is safe to see twice.
    /// </summary>
    public async Task<bool> HandleAsync(ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array) return true;
        var allHandled = true;
        foreach (var e in events.EnumerateArray())
        {
            var type = e.TryGetProperty("type", out var t) ? t.GetString() : null;
            try
            {
                await HandleEventAsync(type, e, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The type only: the event holds a LINE user id and the resident's words.
                logger.LogError(ex, "LINE webhook event {Type} failed.", type);
                allHandled = false;
            }
        }
        return allHandled;
    }

    private async Task HandleEventAsync(string? type, JsonElement e, CancellationToken ct)
    {
        // Only a person's own chat with the account: groups and rooms are not where a resident's booking belongs.
        if (!e.TryGetProperty("source", out var source) || source.GetProperty("type").GetString() != "user") return;
        var userId = source.GetProperty("userId").GetString();
        if (string.IsNullOrEmpty(userId) || userId.Length > 64) return;
        db.ChangeTracker.Clear();
        switch (type)
        {
            case "follow":
                await ReplyAsync(userId, await IsLinkedAsync(userId, ct)
                    ? text["おかえりなさい。ご予約のお知らせを、この LINE にお送りします。"]
                    : text["友だち追加ありがとうございます。予約票にある「LINE 連携コード」（8文字）か、予約番号と電話番号を送ってください。ご予約のお知らせがこの LINE に届くようになります。"], ct);
                break;
            case "unfollow":
                // Blocked: nothing can reach them here any more. Back to mail or a coordinator's call, without a word.
                await UnlinkAsync(userId, "blocked", reply: false, ct);
                break;
            case "message" when e.GetProperty("message").GetProperty("type").GetString() == "text":
                await TextAsync(userId, e.GetProperty("message").GetProperty("text").GetString() ?? "", ct);
                break;
            case "postback":
                await PostbackAsync(userId, e.GetProperty("postback").GetProperty("data").GetString() ?? "", ct);
                break;
        }
    }

    private async Task TextAsync(string userId, string said, CancellationToken ct)
    {
        var folded = said.Normalize(NormalizationForm.FormKC).Trim();
        var compact = OpenBookings.Folded(said);
        if (compact is "通知をやめる" or "停止" or "STOP")
        {
            await UnlinkAsync(userId, "asked", reply: true, ct);
            return;
        }
        if (compact is "キャンセル" or "キャンセルする" or "CANCEL")
        {
            await AskWhichAsync(userId, ct);
            return;
        }
        if (compact.Length == 8 && compact.All(c => BookingSecrets.CodeAlphabet.Contains(c, StringComparison.Ordinal)))
        {
            await LinkByCodeAsync(userId, compact, ct);
            return;
        }
        // 予約番号 and phone in one message, in any order and spacing: 「K7M-4PX 090-1234-5678」.
        var words = folded.Split([' ', '　', '\n', ',', '、'], StringSplitOptions.RemoveEmptyEntries);
        var code = words.Select(BookingSecrets.NormalizeCode).FirstOrDefault(c => c is not null);
        var phone = words.Select(PhoneNumber.Normalize).FirstOrDefault(p => p is not null);
        if (code is not null && phone is not null)
        {
            await LinkByBookingAsync(userId, code, phone, ct);
            return;
        }
        await ReplyAsync(userId, text["この LINE では、スマホ教室のご予約のお知らせをお送りしています。ご質問は {0}（{1}）までお電話ください。", city.Value.HelpPhone, city.Value.LocalHelpHours], ct);
    }

    private async Task LinkByCodeAsync(string userId, string linkCode, CancellationToken ct)
    {
        var linked = await work.RunAsync(async unit =>
        {
            var participant = await db.Participants.SingleOrDefaultAsync(p => p.LineLinkCode == linkCode && p.LineLinkCodeExpiresAtUtc > Now, ct);
            if (participant is null) return unit.Discard(false);
            Link(participant, userId, "code");
            return true;
        }, ct);
        if (!linked) await ReplyAsync(userId, text["この連携コードは使えません。予約票のコードをもう一度お確かめください（コードは一度だけ、30日間使えます）。予約番号と電話番号を送ってもつながります。"], ct);
    }

    /// <summary>
    /// 予約番号 and phone, as /Bookings/Find takes them — with its counting of wrong tries, per LINE user, so a stranger with
    /// a LINE account cannot try phone after phone.
    /// </summary>
    private async Task LinkByBookingAsync(string userId, string code, string phone, CancellationToken ct)
    {
        var client = "line:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16];
        var found = await lookup.FindAsync(code, phone, client, ct);
        if (found is not LookupResult.Found { IsConsultation: false } booking)
        {
            await ReplyAsync(userId, found is LookupResult.Refused
                ? text["確認できませんでした。お手数ですが {0}（{1}）までお電話ください。", city.Value.HelpPhone, city.Value.LocalHelpHours]
                : text["その予約番号と電話番号のご予約が見つかりませんでした。予約票の予約番号と、予約のときの電話番号をお確かめください。"], ct);
            return;
        }
        await work.RunAsync(async unit =>
        {
            var participant = await db.Bookings.Where(b => b.Code == booking.Code).Select(b => b.Participant).SingleAsync(ct);
            Link(participant, userId, "booking");
        }, ct);
    }

    /// <summary>
    /// Links the resident and answers. A record already linked to another LINE user is not taken over by a code or a
    /// number: that resident unlinks first on their booking's page (a phone handed down keeps nobody's notices).
    /// </summary>
    private void Link(Participant participant, string userId, string how)
    {
        if (participant.LineUserId is { } other && other != userId)
        {
            var taken = text["このご予約は、別の LINE とつながっています。予約の確認ページで「LINE の連携をやめる」を押してから、もう一度お送りください。"].Value;
            notifier.LineReply(userId, "line", taken, LineApi.Messages(LineApi.Text(taken)));
            return;
        }
        participant.LineUserId = userId;
        participant.ContactPreference = ContactPreference.Line;
        participant.LineLinkCode = null;
        participant.LineLinkCodeExpiresAtUtc = null;
        audit.Record("resident.line-linked", Subject, participant.Id, $"by {how}");
        var said = text["LINE とつながりました。これから、ご予約のお知らせ（前日のご案内・変更・中止）をこの LINE にお送りします。"].Value;
        notifier.LineReply(userId, "line", said, LineApi.Messages(LineApi.Text(said, (text["キャンセルする"], null), (text["通知をやめる"], null))));
    }

    private async Task UnlinkAsync(string userId, string how, bool reply, CancellationToken ct) =>
        await work.RunAsync(async unit =>
        {
            var linked = await db.Participants.Where(p => p.LineUserId == userId).ToListAsync(ct);
            foreach (var participant in linked)
            {
                participant.LineUserId = null;
                participant.ContactPreference = participant.Email is null ? ContactPreference.Phone : ContactPreference.Email;
                audit.Record("resident.line-unlinked", Subject, participant.Id, $"by {how}");
            }
            if (!reply) return;
            var said = linked.Count == 0 ? text["この LINE とつながっているご予約はありません。"].Value
                : linked.Any(p => p.Email is not null) ? text["LINE でのお知らせを止めました。これからはメールでお知らせします。"].Value
                : text["LINE でのお知らせを止めました。大切なお知らせは、市の担当者からお電話します。"].Value;
            notifier.LineReply(userId, "line", said, LineApi.Messages(LineApi.Text(said)));
        }, ct);

    /// <summary>「キャンセル」: the bookings still to come of everyone linked to this LINE user, one button each.</summary>
    private async Task AskWhichAsync(string userId, CancellationToken ct)
    {
        var open = await OpenBookingsAsync(userId, ct);
        if (open.Count == 1)
        {
            await AskConfirmAsync(userId, open[0].Code, ct);
            return;
        }
        if (open.Count == 0)
        {
            await ReplyAsync(userId, text["キャンセルできるご予約はありません。"], ct);
            return;
        }
        var said = text["どのご予約をキャンセルしますか？"].Value + "\n" + string.Join('\n', open.Select(b => $"{b.Code}: {b.Title} {JapaneseTime.FormatRange(b.StartsAtUtc, b.EndsAtUtc)}"));
        await work.RunAsync(_ => notifier.LineReply(userId, "line", said,
            LineApi.Messages(LineApi.Text(said, [.. open.Select(b => (b.Code, (string?)CancelAsk(b.Code)))]))), ct);
    }

    private async Task AskConfirmAsync(string userId, string code, CancellationToken ct)
    {
        var booking = (await OpenBookingsAsync(userId, ct)).FirstOrDefault(b => b.Code == code);
        if (booking is null)
        {
            await ReplyAsync(userId, text["このご予約はもうキャンセルできません（終わった教室か、キャンセル済みです）。"], ct);
            return;
        }
        using var language = Languages.Use(booking.Language);
        var said = string.Join('\n', text["本当にキャンセルしますか？"].Value, booking.Title,
            JapaneseTime.FormatRange(booking.StartsAtUtc, booking.EndsAtUtc, withYear: true), booking.VenueName);
        await work.RunAsync(_ => notifier.LineReply(userId, code, said,
            LineApi.Messages(LineApi.Text(said, (text["はい、キャンセルする"], YesPrefix + code), (text["いいえ"], NoPrefix + code)))), ct);
    }

    private async Task PostbackAsync(string userId, string data, CancellationToken ct)
    {
        if (data.StartsWith(AskPrefix, StringComparison.Ordinal))
        {
            await AskConfirmAsync(userId, data[AskPrefix.Length..], ct);
        }
        else if (data.StartsWith(NoPrefix, StringComparison.Ordinal))
        {
            await ReplyAsync(userId, text["キャンセルしませんでした。ご予約はそのままです。"], ct);
        }
        else if (data.StartsWith(YesPrefix, StringComparison.Ordinal))
        {
            var code = data[YesPrefix.Length..];
            var linked = await db.Participants.Where(p => p.LineUserId == userId).Select(p => p.Id).ToListAsync(ct);
            // The booking's own message (「ご予約をキャンセルしました」) goes to this LINE with the cancellation.
            var result = await bookings.CancelByChannelAsync(code, linked, "LINE", ct);
            if (result == CancelResult.TooLate)
                await ReplyAsync(userId, text["教室が始まった後は、LINE からはキャンセルできません。{0} までお電話ください。", city.Value.HelpPhone], ct);
            else if (result is CancelResult.NotFound or CancelResult.AlreadyCancelled)
                await ReplyAsync(userId, text["このご予約はもうキャンセルできません（終わった教室か、キャンセル済みです）。"], ct);
        }
    }

    private async Task ReplyAsync(string userId, string said, CancellationToken ct) =>
        await work.RunAsync(_ => notifier.LineReply(userId, "line", said, LineApi.Messages(LineApi.Text(said))), ct);

    private Task<bool> IsLinkedAsync(string userId, CancellationToken ct) => db.Participants.AnyAsync(p => p.LineUserId == userId, ct);

    private Task<List<OpenBooking>> OpenBookingsAsync(string userId, CancellationToken ct) =>
        OpenBookings.OfAsync(db, b => b.Participant.LineUserId == userId, Now, ct);
}
