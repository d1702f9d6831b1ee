using System.Security.Cryptography;
using System.Text;

namespace SumahoSupport.Core.Bookings;

/// <summary>予約番号 and manage tokens.</summary>
public static class BookingSecrets
{
    /// <summary>
    /// Letters and digits that cannot be mistaken for one another when read aloud or written by hand
    /// (no 0/O/D, 1/I/L, 2/Z, 5/S, 8/B, U/V): 22⁶ ≈ 1.1 億 codes.
    /// </summary>
    public const string CodeAlphabet = "ACEFGHJKMNPQRTWXY34679";

    public const int CodeLength = 7; // "K7M-4PX"

    public static string NewCode()
    {
        var chars = RandomNumberGenerator.GetString(CodeAlphabet, 6);
        return $"{chars[..3]}-{chars[3..]}";
    }

    /// <summary>Upper-cases and restores the hyphen, so 「k7m4px」 or 「Ｋ７Ｍ－４ＰＸ」 read over the phone still match.</summary>
    public static string? NormalizeCode(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var compact = new string(input.Normalize(NormalizationForm.FormKC).ToUpperInvariant()
            .Where(c => !char.IsWhiteSpace(c) && c is not '-' and not 'ー' and not '−').ToArray());
        return compact.Length == 6 && compact.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal))
            ? $"{compact[..3]}-{compact[3..]}"
            : null;
    }

    /// <summary>192 random bits, URL-safe (manage and survey links; the spec asks for at least 128).</summary>
    public static string NewSecretToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    public static bool TokenMatches(string expected, string? presented) =>
        presented is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
