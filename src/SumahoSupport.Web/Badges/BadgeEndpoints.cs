using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Web.Badges;

/// <summary>
/// The public Open Badges 2.0 documents. They must stay at these addresses for as long as a badge is held, because
/// backpacks and verifiers fetch them from the URL inside the badge (hosted verification).
/// </summary>
public static class BadgeEndpoints
{
    public const string IssuerRoute = "badge-issuer";
    public const string BadgeClassRoute = "badge-class";
    public const string AssertionRoute = "badge-assertion";

    public static void MapBadges(this IEndpointRouteBuilder app)
    {
        var badges = app.MapGroup("/Badges").AllowAnonymous();
        badges.MapGet("/Issuer", (OpenBadges openBadges) => Json(openBadges.Issuer())).WithName(IssuerRoute);
        badges.MapGet("/Classes/{level}", (string level, OpenBadges openBadges) =>
            OpenBadges.LevelOf(level) is { } known ? Json(openBadges.BadgeClass(known)) : Results.NotFound()).WithName(BadgeClassRoute);
        badges.MapGet("/{publicId:regex(^[0-9a-f]{{32}}$)}", async (string publicId, OpenBadges openBadges, CancellationToken ct) =>
            await openBadges.AssertionAsync(publicId, ct) is { } assertion ? Json(assertion) : Results.NotFound()).WithName(AssertionRoute);
    }

    /// <summary>Japanese stays readable in the documents; characters that matter to HTML are still escaped.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private static IResult Json(System.Text.Json.Nodes.JsonObject document) => Results.Text(document.ToJsonString(Readable), OpenBadges.ContentType);
}
