using System.Globalization;

namespace SumahoSupport.Core.Text;

/// <summary>
/// The languages the app speaks to residents: Japanese (the text of the code and templates, and the default) and English
/// (from the Web project's resources and <c>templates/mail/en/</c>). A booking keeps the code of the language it was
/// made in, so what is sent later — a promotion, a reminder, a survey request — reaches the resident in that language.
/// </summary>
public static class Languages
{
    public const string JapaneseCode = "ja";
    public const string EnglishCode = "en";

    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static readonly IReadOnlyList<CultureInfo> All = [Japanese, English];

    /// <summary>The culture for a stored or linked code; anything unknown is Japanese.</summary>
    public static CultureInfo Named(string? code) => code == EnglishCode ? English : Japanese;

    public static bool IsKnown(string? code) => code is JapaneseCode or EnglishCode;

    /// <summary>
    /// Only the app's own English culture ("en", set from the reader's choice or a booking) counts as English, so a
    /// server whose own default is en-US still writes Japanese where nobody chose English.
    /// </summary>
    public static string CodeOf(CultureInfo culture) => culture.Name == English.Name ? EnglishCode : JapaneseCode;

    /// <summary>The language of the page or mail being written now.</summary>
    public static string Current => CodeOf(CultureInfo.CurrentUICulture);

    public static bool IsEnglish => Current == EnglishCode;

    /// <summary>
    /// The city's own words in the reader's language: the English a coordinator wrote where there is one, the Japanese
    /// otherwise — a whole field either way, never a mix.
    /// </summary>
    public static string Pick(string japanese, string? english) => IsEnglish && !string.IsNullOrWhiteSpace(english) ? english : japanese;

    /// <summary>
    /// Writes in <paramref name="code"/>'s language until disposed (for a mail to a resident from a request or a
    /// background loop in another language); the caller's culture comes back afterwards.
    /// </summary>
    public static IDisposable Use(string? code)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = Named(code);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return new Restore(before);
    }

    private sealed class Restore((CultureInfo Culture, CultureInfo UICulture) before) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = before.Culture;
            CultureInfo.CurrentUICulture = before.UICulture;
        }
    }
}
