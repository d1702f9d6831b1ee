using System.Threading.RateLimiting;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SumahoSupport.Core;

namespace SumahoSupport.Web.Security;

/// <summary>
/// <c>Limits:PublicPosts*</c>: how many forms one client may send without signing in (booking, consultation, supporter
/// application, sign-in). A venue's Wi-Fi puts a whole class behind one address, so the survey, which a class answers
/// together one screen at a time, is limited per survey link instead.
/// </summary>
public sealed class PublicFormRateLimitOptions
{
    public const string Section = "Limits";

    public int PublicPostsPerMinute { get; set; } = 20;

    public int PublicPostsPerHour { get; set; } = 120;

    /// <summary>Answers sent through one survey link per minute (one survey is about a dozen screens).</summary>
    public int SurveyPostsPerMinute { get; set; } = 60;

    /// <summary>
    /// Requests to each provider webhook per minute. LINE and Twilio post from a few addresses for every resident at
    /// once, so they are counted apart from residents' forms, per webhook.
    /// </summary>
    public int WebhookPostsPerMinute { get; set; } = 600;
}

public static class PublicFormRateLimits
{
    public static IServiceCollection AddPublicFormRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(PublicFormRateLimitOptions.Section).Get<PublicFormRateLimitOptions>() ?? new();
        services.Configure<PublicFormRateLimitOptions>(configuration.GetSection(PublicFormRateLimitOptions.Section));
        services.CheckSettings<PublicFormRateLimitOptions>((l, _) =>
        [
            SettingsChecks.AtLeast("Limits:PublicPostsPerMinute", l.PublicPostsPerMinute, 1),
            SettingsChecks.AtLeast("Limits:PublicPostsPerHour", l.PublicPostsPerHour, 1),
            SettingsChecks.AtLeast("Limits:SurveyPostsPerMinute", l.SurveyPostsPerMinute, 1),
            SettingsChecks.AtLeast("Limits:WebhookPostsPerMinute", l.WebhookPostsPerMinute, 1),
        ]);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.PublicPostsPerMinute, TimeSpan.FromMinutes(1), limits.SurveyPostsPerMinute, limits.WebhookPostsPerMinute)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.PublicPostsPerHour, TimeSpan.FromHours(1), limits.SurveyPostsPerMinute * 60, limits.WebhookPostsPerMinute * 60)));
        });
        return services;
    }

    /// <summary>
    /// Staff and every GET are not limited here; an anonymous POST counts against its client or survey link — except a
    /// booking form's 確認 and 修正 steps, which only read (like a GET), so a class booking together on the venue's Wi-Fi
    /// is counted once per booking, at 「この内容で予約する」.
    /// </summary>
    private static RateLimitPartition<string> Partition(HttpContext context, int permits, TimeSpan window, int surveyPermits, int webhookPermits)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.User.Identity?.IsAuthenticated == true || IsReviewStep(context.Request))
            return RateLimitPartition.GetNoLimiter("unlimited");
        var path = context.Request.Path.Value ?? "";
        var survey = path.StartsWith("/Survey/", StringComparison.OrdinalIgnoreCase);
        var webhook = path.StartsWith("/hooks/", StringComparison.OrdinalIgnoreCase);
        var key = survey ? "survey:" + path.ToLowerInvariant() : webhook ? "hook:" + path.ToLowerInvariant() : "client:" + ClientKey.Of(context.Connection.RemoteIpAddress);
        return RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = survey ? surveyPermits : webhook ? webhookPermits : permits,
            Window = window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });
    }

    /// <summary>The handlers of the booking forms' read-only steps (Classes/Book, Consultations/Book).</summary>
    private static readonly string[] ReviewHandlers = ["Check", "Edit"];

    private static bool IsReviewStep(HttpRequest request) =>
        request.Query["handler"] is { Count: 1 } handler && ReviewHandlers.Contains(handler[0], StringComparer.OrdinalIgnoreCase);

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        // A sliding window frees permits segment by segment; one segment of the shorter window is a fair wait.
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(10);
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var city = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<CityOptions>>().Value;
        var phone = HtmlEncoder.Default.Encode($"{city.HelpPhone}（{city.HelpHours}）");
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>しばらくしてからお試しください</title></head><body>" +
            "<main><h1>しばらくしてからお試しください</h1><p>短い時間にたくさんのお申し込みが送られたため、受け付けを一時止めています。" +
            $"数分たってから、もう一度お試しください。お急ぎの方は {phone} までお電話ください。</p><p><a href=\"/\">トップページへ</a></p></main></body></html>", ct);
    }
}
