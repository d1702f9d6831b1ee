using System.Text;

namespace SumahoSupport.Core.Text;

/// <summary>ふりがな: accepted in hiragana or katakana (full- or half-width), stored as hiragana.</summary>
public static class Kana
{
    /// <summary>Hiragana with single spaces, or null when the input holds anything but kana and spaces.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        // NFKC turns half-width katakana and the ideographic space into their standard forms.
        var folded = input.Normalize(NormalizationForm.FormKC).Trim();
        var result = new StringBuilder(folded.Length);
        var lastWasSpace = false;
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!lastWasSpace) result.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            if (ch is >= '\u3041' and <= '\u3096' or 'ー' or 'ゝ' or 'ゞ') result.Append(ch);
            else if (ch is >= '\u30A1' and <= '\u30F6') result.Append((char)(ch - 0x60));
            else if (ch is 'ヽ' or 'ヾ' or '・') result.Append(ch == '・' ? ' ' : (char)(ch - 0x60));
            else return null;
        }
        return result.ToString();
    }

    public static bool IsValid(string? input) => Normalize(input) is not null;

    /// <summary>
    /// What a resident record keeps as ふりがな: the reading, or — where none was given (it is optional on English pages) —
    /// the name as written, upper-cased with single spaces. The resident key is phone + this value, so a family sharing
    /// a phone still stays apart, and the same name typed again finds the same resident.
    /// </summary>
    public static string ReadingOrName(string? reading, string name) =>
        Normalize(reading) ?? string.Join(' ', name.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
