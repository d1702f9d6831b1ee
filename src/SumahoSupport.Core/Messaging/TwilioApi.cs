using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SumahoSupport.Core.Messaging;

/// <summary>
/// Twilio's REST API (2010-04-01) by HttpClient: a text message (Messages) and an automated call (Calls), each with the
/// status callback Twilio posts back to; and the <c>X-Twilio-Signature</c> its webhooks carry. Facts from twilio/twilio-oai.
/// </summary>
public sealed class TwilioApi(HttpClient http, IOptions<SmsOptions> options)
{
    private TwilioOptions Twilio => options.Value.Twilio;

    /// <summary>Sends a text; returns the message's sid (SM…), which the status callback names.</summary>
    public Task<string> SendSmsAsync(string to, string body, string statusCallback, CancellationToken ct) =>
        CreateAsync("Messages.json", [new("To", to), new("From", Twilio.From), new("Body", body), new("StatusCallback", statusCallback)], ct);

    /// <summary>Starts a call that fetches its TwiML from <paramref name="twimlUrl"/>; returns the call's sid (CA…).</summary>
    public Task<string> CallAsync(string to, string twimlUrl, string statusCallback, CancellationToken ct) =>
        CreateAsync("Calls.json", [new("To", to), new("From", Twilio.From), new("Url", twimlUrl), new("Method", "POST"),
            new("StatusCallback", statusCallback), new("StatusCallbackMethod", "POST")], ct);

    private async Task<string> CreateAsync(string resource, KeyValuePair<string, string>[] form, CancellationToken ct)
    {
        var url = $"{Twilio.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(Twilio.AccountSid)}/{resource}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Twilio.AccountSid}:{Twilio.AuthToken}")));
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        string? Field(string name)
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                return json.RootElement.TryGetProperty(name, out var value) ? value.ToString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        if (!response.IsSuccessStatusCode) throw new ProviderException("Twilio", (int)response.StatusCode, $"{Field("code")} {Field("message")}".Trim());
        return Field("sid") is { Length: > 0 } sid ? sid : throw new ProviderException("Twilio", (int)response.StatusCode, "no sid in the answer");
    }

    /// <summary>
    /// <c>X-Twilio-Signature</c>: Base64 of HMAC-SHA1, keyed with the auth token, over the full URL Twilio requested
    /// followed by each POST parameter's name and value, sorted by name.
    /// </summary>
    public static bool SignatureMatches(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken)) return false;
        var expected = Sign(authToken, url, form);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)) data.Append(name).Append(value);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
