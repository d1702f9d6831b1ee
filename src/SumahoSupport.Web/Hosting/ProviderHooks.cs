using Microsoft.Extensions.Options;
using SumahoSupport.Core;
using SumahoSupport.Core.Messaging;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// The providers' webhooks: <c>POST /hooks/line</c> and <c>/hooks/twilio/sms|status|voice</c>. Outside antiforgery (the
/// provider posts them) but each signature-checked before anything is read: an unsigned or wrongly signed request gets
/// 401 and changes nothing. A channel that is off answers 404. Rate-limited apart from residents' forms
/// (<c>Limits:WebhookPostsPerMinute</c>).
/// </summary>
public static class ProviderHooks
{
    /// <summary>LINE sends at most a few events per request; nothing legitimate comes near this.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public static void MapProviderHooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/line", LineAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/hooks/twilio/status", (HttpContext http, TwilioHooks hooks, CancellationToken ct) =>
            TwilioAsync(http, form => hooks.StatusAsync(form, ct), ct)).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/hooks/twilio/sms", (HttpContext http, TwilioHooks hooks, CancellationToken ct) =>
            TwilioAsync(http, form => hooks.InboundAsync(form, ct), ct)).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/hooks/twilio/voice", VoiceAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static async Task<IResult> LineAsync(HttpContext http, LineConversation conversation, IOptions<LineOptions> line, CancellationToken ct)
    {
        if (!line.Value.Enabled) return Results.NotFound();
        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (!LineApi.SignatureMatches(line.Value.ChannelSecret, body, http.Request.Headers["X-Line-Signature"])) return Results.Unauthorized();
        try
        {
            return await conversation.HandleAsync(body, ct) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        catch (System.Text.Json.JsonException)
        {
            return Results.BadRequest();
        }
    }

    private static async Task<IResult> TwilioAsync(HttpContext http, Func<IReadOnlyDictionary<string, string>, Task> handle, CancellationToken ct)
    {
        if (!TextsOn(http)) return Results.NotFound();
        var form = await VerifiedFormAsync(http, ct);
        if (form is null) return Results.Unauthorized();
        await handle(form);
        // Answers to a resident's text go through the outbox; the TwiML itself says nothing.
        return Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", "text/xml");
    }

    private static async Task<IResult> VoiceAsync(HttpContext http, TwilioHooks hooks, CancellationToken ct)
    {
        if (!TextsOn(http)) return Results.NotFound();
        var form = await VerifiedFormAsync(http, ct);
        if (form is null) return Results.Unauthorized();
        var twiml = await hooks.VoiceAsync(http.Request.Query["m"], http.Request.Query["step"], form.GetValueOrDefault("Digits"), ct);
        return Results.Text(twiml, "text/xml");
    }

    private static bool TextsOn(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<SmsOptions>>().Value.Enabled;

    /// <summary>
    /// The form Twilio posted, when <c>X-Twilio-Signature</c> matches it at the address Twilio was given — the public one
    /// (<c>Mail:PublicBaseUrl</c>), never the Host header — else null.
    /// </summary>
    private static async Task<Dictionary<string, string>?> VerifiedFormAsync(HttpContext http, CancellationToken ct)
    {
        var sms = http.RequestServices.GetRequiredService<IOptions<SmsOptions>>().Value;
        if (!http.Request.HasFormContentType || http.Request.ContentLength > MaxBodyBytes) return null;
        var posted = await http.Request.ReadFormAsync(ct);
        var form = posted.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var url = http.RequestServices.GetRequiredService<ISiteLinks>().ProviderHook(http.Request.Path + http.Request.QueryString);
        return TwilioApi.SignatureMatches(sms.Twilio.AuthToken, url, form, http.Request.Headers["X-Twilio-Signature"]) ? form : null;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
