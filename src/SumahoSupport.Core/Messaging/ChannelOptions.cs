namespace SumahoSupport.Core.Messaging;

/// <summary><c>Line:*</c>: the city's LINE official account (Messaging API). Off while the channel secret is empty.</summary>
public sealed class LineOptions
{
    public const string Section = "Line";

    /// <summary>Signs the webhook's requests (<c>X-Line-Signature</c>); found in the LINE Developers console.</summary>
    public string ChannelSecret { get; set; } = "";

    /// <summary>The long-lived channel access token the pushes carry as their Bearer token.</summary>
    public string ChannelAccessToken { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://api.line.me";

    /// <summary>The official account's 友だち追加 address (https://lin.ee/… or https://line.me/R/ti/p/@…), shown as a QR.</summary>
    public string AddFriendUrl { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(ChannelSecret);

    internal static IEnumerable<string?> Problems(LineOptions line)
    {
        if (!line.Enabled) yield break;
        if (string.IsNullOrWhiteSpace(line.ChannelAccessToken))
            yield return "設定 Line:ChannelAccessToken に LINE 公式アカウントのチャネルアクセストークンを入れてください（Line:ChannelSecret があるため LINE を使います）。";
        if (!Uri.TryCreate(line.ApiBaseUrl, UriKind.Absolute, out _)) yield return $"設定 Line:ApiBaseUrl は https://api.line.me のような URL にしてください（今: {line.ApiBaseUrl}）。";
        if (!Uri.TryCreate(line.AddFriendUrl, UriKind.Absolute, out var friend) || friend.Scheme != Uri.UriSchemeHttps)
            yield return "設定 Line:AddFriendUrl に公式アカウントの友だち追加 URL（https://lin.ee/… など）を入れてください。予約票の QR になります。";
    }
}

/// <summary><c>Sms:*</c>: text messages to mobile numbers, and (with <c>Voice:Enabled</c>) calls, through one provider.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";
    public const string TwilioProvider = "Twilio";

    /// <summary><c>Twilio</c>, or empty for no text messages.</summary>
    public string Provider { get; set; } = "";

    /// <summary>Text messages and calls a month (they cost the city money); over it, the call list. 0 = no cap.</summary>
    public int MonthlyCap { get; set; }

    public TwilioOptions Twilio { get; set; } = new();

    public bool Enabled => string.Equals(Provider, TwilioProvider, StringComparison.Ordinal);

    internal static IEnumerable<string?> Problems(SmsOptions sms, VoiceOptions voice)
    {
        if (!string.IsNullOrEmpty(sms.Provider) && !sms.Enabled)
            yield return $"設定 Sms:Provider は {TwilioProvider} か空にしてください（今: {sms.Provider}）。";
        yield return SettingsChecks.AtLeast("Sms:MonthlyCap", sms.MonthlyCap, 0);
        if (voice.Enabled && !sms.Enabled) yield return $"設定 Voice:Enabled の自動音声電話は Sms:Provider（{TwilioProvider}）を通してかけます。Sms:Provider を設定してください。";
        if (!sms.Enabled) yield break;
        if (string.IsNullOrWhiteSpace(sms.Twilio.AccountSid) || !sms.Twilio.AccountSid.StartsWith("AC", StringComparison.Ordinal))
            yield return "設定 Sms:Twilio:AccountSid に Twilio のアカウント SID（AC で始まる）を入れてください。";
        if (string.IsNullOrWhiteSpace(sms.Twilio.AuthToken)) yield return "設定 Sms:Twilio:AuthToken に Twilio の Auth Token を入れてください。";
        if (!sms.Twilio.From.StartsWith('+')) yield return $"設定 Sms:Twilio:From に送信元の番号を +81… の形で入れてください（今: {sms.Twilio.From}）。";
        if (!Uri.TryCreate(sms.Twilio.BaseUrl, UriKind.Absolute, out _)) yield return $"設定 Sms:Twilio:BaseUrl は https://api.twilio.com のような URL にしてください（今: {sms.Twilio.BaseUrl}）。";
    }
}

public sealed class TwilioOptions
{
    public string AccountSid { get; set; } = "";
    public string AuthToken { get; set; } = "";

    /// <summary>The city's number in E.164 (+81…), which texts and calls come from.</summary>
    public string From { get; set; } = "";

    public string BaseUrl { get; set; } = "https://api.twilio.com";
}

/// <summary><c>Voice:Enabled</c>: the day-before reminder as an automated call to a landline.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";
    public bool Enabled { get; set; }
}

/// <summary><c>Notifications:QuietFrom / QuietUntil</c>: no LINE, text or call in these Tokyo hours; they wait until the end.</summary>
public sealed class QuietHoursOptions
{
    public const string Section = "Notifications";
    public TimeOnly QuietFrom { get; set; } = new(20, 0);
    public TimeOnly QuietUntil { get; set; } = new(9, 0);

    /// <summary>The first moment at or after <paramref name="tokyo"/> outside the quiet hours (which may wrap midnight).</summary>
    public DateTime NextAllowed(DateTime tokyo)
    {
        var time = TimeOnly.FromDateTime(tokyo);
        var wraps = QuietFrom > QuietUntil;
        var quiet = QuietFrom == QuietUntil ? false : wraps ? time >= QuietFrom || time < QuietUntil : time >= QuietFrom && time < QuietUntil;
        if (!quiet) return tokyo;
        var day = DateOnly.FromDateTime(tokyo);
        if (wraps && time >= QuietFrom) day = day.AddDays(1);
        return day.ToDateTime(QuietUntil);
    }
}
