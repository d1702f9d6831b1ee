namespace SumahoSupport.Web.Hosting;

/// <summary>文字サイズ as a Japanese municipal site offers it.</summary>
public enum TextSize
{
    Standard,
    Large,
    ExtraLarge,
}

/// <summary>
/// 文字サイズ (標準・大・特大) and 白黒反転, chosen with plain links and remembered in a cookie, so they work without
/// script and on every page. The cookie holds only these choices; it names no one.
/// </summary>
public sealed record DisplaySettings(TextSize Size, bool Inverted)
{
    public const string CookieName = "sumaho.display";

    public static readonly DisplaySettings Default = new(TextSize.Standard, Inverted: false);

    /// <summary>What the reader chose before; anything unreadable is the default.</summary>
    public static DisplaySettings From(HttpRequest request)
    {
        var value = request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value) || value.Length > 32) return Default;
        var parts = value.Split('.');
        return new DisplaySettings(SizeNamed(parts[0]) ?? TextSize.Standard, parts.Contains("inverted", StringComparer.Ordinal));
    }

    /// <summary>The names used in links and the cookie: standard, large, xlarge.</summary>
    public static TextSize? SizeNamed(string? name) => name switch
    {
        "standard" => TextSize.Standard,
        "large" => TextSize.Large,
        "xlarge" => TextSize.ExtraLarge,
        _ => null,
    };

    public static string NameOf(TextSize size) => size switch
    {
        TextSize.Large => "large",
        TextSize.ExtraLarge => "xlarge",
        _ => "standard",
    };

    /// <summary>The cookie's value, and the key a shared cached page is kept under.</summary>
    public string Key => NameOf(Size) + (Inverted ? ".inverted" : "");

    /// <summary>Classes for <c>&lt;html&gt;</c>; site.css scales the root font size and swaps the colours from them.</summary>
    public string CssClass => string.Join(' ', new[]
    {
        Size switch { TextSize.Large => "text-large", TextSize.ExtraLarge => "text-xlarge", _ => null },
        Inverted ? "contrast-inverted" : null,
    }.Where(c => c is not null));

    public void WriteTo(HttpResponse response, bool secure) => response.Cookies.Append(CookieName, Key, new CookieOptions
    {
        MaxAge = TimeSpan.FromDays(400),
        HttpOnly = true,
        Secure = secure,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        Path = "/",
    });
}
