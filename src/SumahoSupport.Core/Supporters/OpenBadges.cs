using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Supporters;

/// <summary>
/// Open Badges 2.0 documents for certifications, hosted at stable URLs (hosted verification): the issuer profile, one
/// BadgeClass per level, and one Assertion per certification. The recipient is a salted SHA-256 of their e-mail address,
/// so the public document does not name who holds the badge. The salt is public by the standard, so a hash is only as
/// hidden as its input is hard to guess: a phone number is not (the whole 090 range falls in minutes), so a supporter
/// without e-mail is named by the address of their printed 修了証 instead, which says nothing about them.
/// </summary>
public sealed class OpenBadges(AppDbContext db, ISiteLinks links, IOptions<CityOptions> city, IOptions<SupporterOptions> rule)
{
    public const string Context = "https://w3id.org/openbadges/v2";
    public const string ContentType = "application/ld+json; charset=utf-8";

    public string IssuerUrl => links.BadgeIssuer;

    public string AssertionUrl(string publicId) => links.BadgeAssertion(publicId);

    public string BadgeClassUrl(SupporterStatus level) => links.BadgeClass(Slug(level));

    public static SupporterStatus? LevelOf(string slug) => slug switch
    {
        "certified" => SupporterStatus.Certified,
        "lead" => SupporterStatus.Lead,
        _ => null,
    };

    public JsonObject Issuer() => new()
    {
        ["@context"] = Context,
        ["type"] = "Issuer",
        ["id"] = IssuerUrl,
        ["name"] = $"{city.Value.Name} スマホ支援員養成",
        ["url"] = links.Home,
        ["telephone"] = city.Value.HelpPhone,
    };

    public JsonObject BadgeClass(SupporterStatus level) => new()
    {
        ["@context"] = Context,
        ["type"] = "BadgeClass",
        ["id"] = BadgeClassUrl(level),
        ["name"] = $"{city.Value.Name} {SupporterLabels.Status(level)}",
        ["description"] = level == SupporterStatus.Lead
            ? "スマホ教室で講師を務めるスマホ支援員です。認定支援員として教室の実績を積み、コーディネーターに任命されました。"
            : "高齢の方などにスマホの使い方を教えるスマホ支援員として、必修研修を修了し、教室での補助を経験しました。",
        ["image"] = links.BadgeImage(Slug(level)),
        ["criteria"] = new JsonObject
        {
            ["narrative"] = level == SupporterStatus.Lead
                ? $"認定支援員として{rule.Value.ClassesForLead}回以上の教室を担当し、コーディネーターに講師（リーダー）として任命されること。"
                : $"必修研修（確認テストと対面研修）にすべて合格し、研修中に{rule.Value.AssistedClassesForCertification}回以上の教室で補助を務めること。認定は{rule.Value.CertificationValidMonths}か月有効で、年次更新研修の合格で更新されます。",
        },
        ["issuer"] = IssuerUrl,
        ["tags"] = new JsonArray("スマホ支援員", "デジタル推進委員", "デジタルデバイド対策"),
    };

    /// <summary>The assertion for one certification, or null when there is none with that id.</summary>
    public async Task<JsonObject?> AssertionAsync(string publicId, CancellationToken ct)
    {
        var found = await db.Certifications.AsNoTracking().Where(c => c.PublicId == publicId)
            .Select(c => new { c.Level, c.Basis, c.IssuedAtUtc, c.ExpiresAtUtc, c.Supporter.Email })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var recipient = found.Email is { Length: > 0 } email
            ? new JsonObject
            {
                ["type"] = "email",
                ["hashed"] = true,
                ["salt"] = publicId,
                ["identity"] = HashedIdentity(email.Trim().ToLowerInvariant(), publicId),
            }
            : new JsonObject
            {
                ["type"] = "url",
                ["hashed"] = false,
                ["identity"] = links.Certificate(publicId),
            };
        return new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "Assertion",
            ["id"] = AssertionUrl(publicId),
            ["recipient"] = recipient,
            ["badge"] = BadgeClassUrl(found.Level),
            ["verification"] = new JsonObject { ["type"] = "hosted" },
            ["issuedOn"] = Iso(found.IssuedAtUtc),
            ["expires"] = Iso(found.ExpiresAtUtc),
            ["narrative"] = SupporterLabels.Basis(found.Basis),
        };
    }

    /// <summary>Open Badges' hashed identity: "sha256$" + hex SHA-256 of the identity followed by the salt.</summary>
    public static string HashedIdentity(string identity, string salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity + salt)));

    private static string Slug(SupporterStatus level) => level == SupporterStatus.Lead ? "lead" : "certified";

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
