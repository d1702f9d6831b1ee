using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Messaging;

/// <summary>
/// Which ways of reaching residents the city has switched on, and the rules every channel shares: a text goes only to a
/// mobile number, nothing but mail goes in the quiet hours, and texts and calls stop at the monthly cap.
/// </summary>
public sealed class ResidentChannels(
    AppDbContext db, IOptions<LineOptions> line, IOptions<SmsOptions> sms, IOptions<VoiceOptions> voice, IOptions<QuietHoursOptions> quiet)
{
    public bool LineOn => line.Value.Enabled;
    public bool SmsOn => sms.Value.Enabled;
    public bool VoiceOn => voice.Value.Enabled && sms.Value.Enabled;

    public string AddFriendUrl => line.Value.AddFriendUrl;

    /// <summary>The choices of 「ご連絡の方法」 this city offers, in the order the form lists them.</summary>
    public IReadOnlyList<ContactPreference> Offered =>
    [
        ContactPreference.Email,
        .. LineOn ? [ContactPreference.Line] : Array.Empty<ContactPreference>(),
        .. SmsOn ? [ContactPreference.Sms] : Array.Empty<ContactPreference>(),
        .. VoiceOn ? [ContactPreference.Voice] : Array.Empty<ContactPreference>(),
        ContactPreference.Phone,
    ];

    public bool Offers(ContactPreference preference) => Offered.Contains(preference);

    /// <summary>070, 080 and 090 numbers take text messages; landlines, 050 and 0120 do not.</summary>
    public static bool IsMobile(string digits) =>
        digits.Length == PhoneNumber.MaxDigits && digits[0] == '0' && digits[1] is '7' or '8' or '9' && digits[2] == '0';

    /// <summary>A normalised Japanese number in E.164, as providers dial it: 09012345678 → +819012345678.</summary>
    public static string E164(string digits) => "+81" + digits[1..];

    /// <summary>The digits of a Japanese number a provider reports in E.164 (+8190…), or null for any other.</summary>
    public static string? FromE164(string? e164) =>
        e164 is { Length: > 3 } && e164.StartsWith("+81", StringComparison.Ordinal) ? PhoneNumber.Normalize("0" + e164[3..]) : null;

    /// <summary>The first moment a LINE message, text or call may go out at or after <paramref name="utc"/>.</summary>
    public DateTime NotInQuietHours(DateTime utc) => JapaneseTime.ToUtc(quiet.Value.NextAllowed(JapaneseTime.ToTokyo(utc)));

    /// <summary>Texts and calls written this month (Tokyo), against <c>Sms:MonthlyCap</c>.</summary>
    public Task<int> PaidThisMonthAsync(DateTime nowUtc, CancellationToken ct)
    {
        var tokyo = JapaneseTime.ToTokyo(nowUtc);
        var monthStart = JapaneseTime.ToUtc(new DateTime(tokyo.Year, tokyo.Month, 1));
        return db.OutboxMessages.CountAsync(m => (m.Channel == MessageChannel.Sms || m.Channel == MessageChannel.Voice) && m.CreatedAtUtc >= monthStart, ct);
    }

    public int MonthlyCap => sms.Value.MonthlyCap;

    /// <summary>True while another text or call fits under the cap (always, without one).</summary>
    public async Task<bool> UnderCapAsync(DateTime nowUtc, CancellationToken ct) =>
        MonthlyCap == 0 || await PaidThisMonthAsync(nowUtc, ct) < MonthlyCap;
}
