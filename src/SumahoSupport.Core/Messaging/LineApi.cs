using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace SumahoSupport.Core.Messaging;

/// <summary>
/// The LINE Messaging API, by HttpClient (no LINE SDK is served for .NET): the push that carries every message to a
/// resident, and the webhook signature. Facts from line/line-openapi (messaging-api.yml, webhook.yml).
/// </summary>
public sealed class LineApi(HttpClient http, IOptions<LineOptions> options)
{
    /// <summary>LINE's limit on one text message, in UTF-16 characters.</summary>
    public const int MaxTextLength = 5000;

    /// <summary>A quick-reply button's label: at most 20 characters.</summary>
    public const int MaxLabelLength = 20;

    /// <summary>
    /// Pushes <paramref name="messages"/> (the Messaging API's messages array) to one user. The outbox row's id goes as
    /// <c>X-Line-Retry-Key</c>: a push repeated after a crash or a lost answer is answered 409 with the request LINE
    /// already accepted, and sends nothing twice — which counts here as sent.
    /// </summary>
    public async Task PushAsync(string userId, string messagesJson, Guid retryKey, CancellationToken ct)
    {
        var body = new JsonObject { ["to"] = userId, ["messages"] = JsonNode.Parse(messagesJson) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/"), "v2/bot/message/push"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ChannelAccessToken);
        request.Headers.Add("X-Line-Retry-Key", retryKey.ToString());
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict && response.Headers.Contains("x-line-accepted-request-id")) return;
        throw new ProviderException("LINE", (int)response.StatusCode, await ErrorOfAsync(response, ct));
    }

    /// <summary><c>X-Line-Signature</c>: Base64 of HMAC-SHA256 over the body's bytes with the channel secret.</summary>
    public static bool SignatureMatches(string channelSecret, ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(channelSecret)) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body);
        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64String(signature, given, out var written) && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }

    /// <summary>A text message, with quick-reply buttons that post back <c>data</c> (or send their label as text).</summary>
    public static JsonObject Text(string text, params (string Label, string? PostbackData)[] quickReplies)
    {
        var message = new JsonObject { ["type"] = "text", ["text"] = text.Length > MaxTextLength ? text[..MaxTextLength] : text };
        if (quickReplies.Length == 0) return message;
        var items = new JsonArray();
        foreach (var (label, data) in quickReplies)
        {
            var shortLabel = label.Length > MaxLabelLength ? label[..MaxLabelLength] : label;
            JsonObject action = data is null
                ? new() { ["type"] = "message", ["label"] = shortLabel, ["text"] = label }
                : new() { ["type"] = "postback", ["label"] = shortLabel, ["data"] = data, ["displayText"] = label };
            items.Add(new JsonObject { ["type"] = "action", ["action"] = action });
        }
        message["quickReply"] = new JsonObject { ["items"] = items };
        return message;
    }

    public static string Messages(params JsonObject[] messages) => new JsonArray([.. messages]).ToJsonString();

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return error.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}

/// <summary>A provider refused or failed a request; the outbox retries it with backoff (the status says whether it may help).</summary>
public sealed class ProviderException(string provider, int status, string detail)
    : Exception($"{provider} answered {status}{(string.IsNullOrEmpty(detail) ? "" : ": " + detail)}")
{
    public int Status { get; } = status;
}
