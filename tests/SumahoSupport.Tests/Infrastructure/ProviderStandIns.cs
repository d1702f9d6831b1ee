using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// A provider's API on loopback, for the app to call as it calls the real one (no machine here reaches LINE or Twilio).
/// Each checks requests as the provider's published OpenAPI document describes them and answers as the provider does;
/// <see cref="FailNext"/> makes the next requests fail with a status (429, 500) before they are looked at.
/// </summary>
public abstract class ProviderStandIn : IAsyncDisposable
{
    private readonly WebApplication web;
    private readonly ConcurrentQueue<int> failures = new();

    protected ProviderStandIn()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        web = builder.Build();
        web.Use(async (context, next) =>
        {
            if (failures.TryDequeue(out var status))
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsJsonAsync(new { message = status == 429 ? "The API rate limit has been exceeded. Try again later." : "Internal server error" });
                return;
            }
            await next();
        });
        Map(web);
        web.StartAsync().GetAwaiter().GetResult();
        BaseUrl = web.Urls.First();
    }

    public string BaseUrl { get; }

    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses) failures.Enqueue(status);
    }

    protected abstract void Map(WebApplication app);

    protected static IResult Error(int status, object body) => Results.Json(body, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The LINE Messaging API's push (line/line-openapi, messaging-api.yml): a Bearer channel access token; <c>to</c>; 1 to 5
/// messages; a text of 1 to 5000 characters; a quick reply of at most 13 items with labels of at most 20; a UUID in
/// <c>X-Line-Retry-Key</c>, a repeated one answered 409 with <c>x-line-accepted-request-id</c>. And the webhook LINE
/// sends, signed with the channel secret.
/// </summary>
public sealed partial class LineStandIn(string accessToken, string channelSecret) : ProviderStandIn
{
    public const string Token = "line-test-access-token";
    public const string Secret = "line-test-channel-secret";

    public LineStandIn() : this(Token, Secret)
    {
    }

    public sealed record Push(string To, JsonArray Messages, Guid RetryKey)
    {
        public string Text => string.Join("\n", Messages.Select(m => m!["text"]?.GetValue<string>() ?? m!["altText"]?.GetValue<string>() ?? ""));

        public IReadOnlyList<string> Postbacks => [.. Messages.SelectMany(m => m!["quickReply"]?["items"]?.AsArray() ?? [])
            .Select(i => i!["action"]!["data"]?.GetValue<string>()).OfType<string>()];
    }

    private readonly ConcurrentDictionary<Guid, string> accepted = new();

    /// <summary>Pushes accepted (a retried one once), in order.</summary>
    public ConcurrentQueue<Push> Pushes { get; } = new();

    /// <summary>Requests refused as malformed: a test that expects none asserts it is empty.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>The retry key of every authorised push request, repeats (answered 409) included.</summary>
    public ConcurrentQueue<Guid> Attempts { get; } = new();

    protected override void Map(WebApplication app) => app.MapPost("/v2/bot/message/push", async (HttpContext http) =>
    {
        if (http.Request.Headers.Authorization.ToString() != "Bearer " + accessToken)
            return Error(401, new { message = "Authentication failed. Confirm that the access token in the authorization header is valid." });
        if (!Guid.TryParseExact(http.Request.Headers["X-Line-Retry-Key"].ToString(), "D", out var retryKey))
            return Refuse("The retry key is not a UUID.");
        Attempts.Enqueue(retryKey);
        if (accepted.TryGetValue(retryKey, out var requestId))
        {
            http.Response.Headers["x-line-accepted-request-id"] = requestId;
            return Error(409, new { message = "The retry key is already accepted" });
        }
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body);
        }
        catch (JsonException)
        {
            return Refuse("The request body is not JSON.");
        }
        if (body?["to"]?.GetValue<string>() is not { } to || !LineUserId().IsMatch(to)) return Refuse("'to' must be a user ID.");
        if (body["messages"] is not JsonArray { Count: >= 1 and <= 5 } messages) return Refuse("'messages' must hold 1 to 5 messages.");
        foreach (var message in messages)
        {
            if (message?["type"]?.GetValue<string>() != "text") return Refuse("Only text messages are expected.");
            if (message["text"]?.GetValue<string>() is not { Length: >= 1 and <= 5000 }) return Refuse("'text' must be 1 to 5000 characters.");
            if (message["quickReply"]?["items"] is JsonArray items)
            {
                if (items.Count is < 1 or > 13) return Refuse("A quick reply holds 1 to 13 items.");
                foreach (var item in items)
                {
                    var action = item?["action"];
                    if (action?["label"]?.GetValue<string>() is not { Length: >= 1 and <= 20 }) return Refuse("An action's label must be 1 to 20 characters.");
                    if (action["type"]?.GetValue<string>() == "postback" && action["data"]?.GetValue<string>() is not { Length: >= 1 and <= 300 })
                        return Refuse("A postback's data must be 1 to 300 characters.");
                }
            }
        }
        accepted[retryKey] = Guid.NewGuid().ToString();
        Pushes.Enqueue(new Push(to, messages, retryKey));
        return Results.Json(new { sentMessages = messages.Select(_ => new { id = Random.Shared.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), quoteToken = "q" }) });
    });

    private IResult Refuse(string why)
    {
        Refused.Enqueue(why);
        return Error(400, new { message = "The request body has 1 error(s)", details = new[] { new { message = why } } });
    }

    /// <summary>A LINE user id as LINE writes them: U and 32 hex digits.</summary>
    public static string NewUserId() => "U" + Guid.NewGuid().ToString("N");

    /// <summary>POSTs a webhook to the app as LINE does, signed with the channel secret (or with <paramref name="secret"/>).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpClient app, object[] events, string? secret = null, bool signed = true)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { destination = "U0000000000000000000000000000000", events });
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/line") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signed) request.Headers.Add("X-Line-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? channelSecret), body)));
        return app.SendAsync(request);
    }

    public static object TextEvent(string userId, string text) => Event(userId, "message", new { message = new { type = "text", id = "1", quoteToken = "q", text } });

    public static object PostbackEvent(string userId, string data) => Event(userId, "postback", new { postback = new { data } });

    public static object FollowEvent(string userId) => Event(userId, "follow", new { });

    public static object UnfollowEvent(string userId) => Event(userId, "unfollow", new { });

    private static object Event(string userId, string type, object extra)
    {
        var e = JsonSerializer.SerializeToNode(extra)!.AsObject();
        e["type"] = type;
        e["mode"] = "active";
        e["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        e["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId };
        e["webhookEventId"] = Guid.NewGuid().ToString("N");
        e["deliveryContext"] = new JsonObject { ["isRedelivery"] = false };
        if (type is "message" or "postback" or "follow") e["replyToken"] = Guid.NewGuid().ToString("N");
        return e;
    }

    [GeneratedRegex("^U[0-9a-f]{32}$")]
    private static partial Regex LineUserId();
}

/// <summary>
/// Twilio's Messages and Calls (twilio/twilio-oai, twilio_api_v2010.yaml): HTTP Basic with the account SID and auth token;
/// <c>To</c> in E.164 (21211 otherwise), <c>From</c> the account's number (21212), <c>Body</c> of at most 1600 characters
/// (21617), a call's <c>Url</c> (21205); 201 with the new sid. And its callbacks, signed as Twilio signs them.
/// </summary>
public sealed partial class TwilioStandIn(string accountSid, string authToken, string from) : ProviderStandIn
{
    public const string Sid = "AC00000000000000000000000000000001";
    public const string AuthToken = "twilio-test-auth-token";
    public const string From = "+815000000000";

    public TwilioStandIn() : this(Sid, AuthToken, From)
    {
    }

    public sealed record Sent(string Sid, string To, string Body, string StatusCallback);

    public sealed record Call(string Sid, string To, string Url, string StatusCallback);

    public ConcurrentQueue<Sent> Messages { get; } = new();
    public ConcurrentQueue<Call> Calls { get; } = new();
    public ConcurrentQueue<string> Refused { get; } = new();

    protected override void Map(WebApplication app)
    {
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (HttpContext http, string sid) =>
        {
            if (await CheckAsync(http, sid) is { } problem) return problem;
            var form = http.Request.Form;
            if (!E164().IsMatch(form["To"].ToString())) return Refuse(21211, $"The 'To' number {form["To"]} is not a valid phone number.");
            if (form["From"] != from) return Refuse(21212, "The 'From' number is not a valid phone number for this account.");
            if (form["Body"].ToString() is not { Length: >= 1 and <= 1600 }) return Refuse(21617, "The concatenated message body exceeds the 1600 character limit.");
            var message = new Sent("SM" + Guid.NewGuid().ToString("N"), form["To"]!, form["Body"]!, form["StatusCallback"].ToString());
            Messages.Enqueue(message);
            return Results.Json(new { sid = message.Sid, account_sid = sid, to = message.To, from, body = message.Body, status = "queued" }, statusCode: 201);
        });
        app.MapPost("/2010-04-01/Accounts/{sid}/Calls.json", async (HttpContext http, string sid) =>
        {
            if (await CheckAsync(http, sid) is { } problem) return problem;
            var form = http.Request.Form;
            if (!E164().IsMatch(form["To"].ToString())) return Refuse(21211, $"The 'To' number {form["To"]} is not a valid phone number.");
            if (form["From"] != from) return Refuse(21212, "The 'From' number is not a valid phone number for this account.");
            if (!Uri.TryCreate(form["Url"], UriKind.Absolute, out _)) return Refuse(21205, "Url is not a valid URL.");
            var call = new Call("CA" + Guid.NewGuid().ToString("N"), form["To"]!, form["Url"]!, form["StatusCallback"].ToString());
            Calls.Enqueue(call);
            return Results.Json(new { sid = call.Sid, account_sid = sid, to = call.To, from, status = "queued" }, statusCode: 201);
        });
    }

    private async Task<IResult?> CheckAsync(HttpContext http, string sid)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}"));
        if (sid != accountSid || http.Request.Headers.Authorization != expected)
            return Error(401, new { code = 20003, message = "Authenticate", more_info = "https://www.twilio.com/docs/errors/20003", status = 401 });
        if (!http.Request.HasFormContentType) return Refuse(20001, "Expected application/x-www-form-urlencoded.");
        await http.Request.ReadFormAsync();
        return null;
    }

    private IResult Refuse(int code, string message)
    {
        Refused.Enqueue($"{code} {message}");
        return Error(400, new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status = 400 });
    }

    /// <summary>
    /// POSTs a callback to the app as Twilio does: to <paramref name="url"/> (the address the app gave), signed over that
    /// address and the form with the auth token (or <paramref name="token"/>).
    /// </summary>
    public static Task<HttpResponseMessage> CallBackAsync(HttpClient app, string url, Dictionary<string, string> form, string? token = null, bool signed = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url).PathAndQuery) { Content = new FormUrlEncodedContent(form) };
        if (signed) request.Headers.Add("X-Twilio-Signature", Signature(token ?? AuthToken, url, form));
        return app.SendAsync(request);
    }

    /// <summary>
    /// Twilio's published recipe, written here again on purpose rather than calling the app's: the test must not share a
    /// mistake with the code it checks.
    /// </summary>
    private static string Signature(string token, string url, Dictionary<string, string> form) => Convert.ToBase64String(
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(url + string.Concat(form.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value)))));

    [GeneratedRegex(@"^\+[1-9]\d{1,14}$")]
    private static partial Regex E164();
}
