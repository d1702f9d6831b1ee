using System.Text;

namespace SumahoSupport.Core.Text;

/// <summary>
/// Phone numbers as residents and staff type them — 「０９０−１２３４−５６７８」, 「090 1234 5678」, 「(0267)12-3456」 —
/// reduced to the digits that identify a person.
/// </summary>
public static class PhoneNumber
{
    public const int MinDigits = 10;
    public const int MaxDigits = 11;

    /// <summary>
    /// Digits only, or null when what is left is not a Japanese phone number: 11 digits for mobile, IP and 0800
    /// numbers (050/070/080/090/0800), 10 for landlines and 0120.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var folded = input.Normalize(NormalizationForm.FormKC);
        var digits = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (ch is >= '0' and <= '9') digits.Append(ch);
            else if (!IsSeparator(ch)) return null;
        }
        var result = digits.ToString();
        return result.Length == ExpectedLength(result) ? result : null;
    }

    /// <summary>
    /// Written as Japanese people write it, by Google's numbering plan data (libphonenumber, which follows 総務省's
    /// allocation of 市外局番 and 市内局番): 090-1234-5678, 03-1234-5678, 045-123-4567, 0267-12-3456, 04992-2-1234,
    /// 0120-000-000, 0800-123-4567. Digits it cannot place stay as they are.
    /// </summary>
    public static string Format(string digits)
    {
        try
        {
            return GeographicSplit(digits) ?? National(digits);
        }
        catch (PhoneNumbers.NumberParseException)
        {
            return digits;
        }
    }

    private static string National(string digits) => Numbers.Format(Numbers.Parse(digits, "JP"), PhoneNumbers.PhoneNumberFormat.NATIONAL);

    /// <summary>
    /// A landline: 市外局番, 市内局番, then four digits. A 市外局番 owns every number that begins with it (0422 is all of
    /// 武蔵野・三鷹), but the data groups only the 市内局番 already allocated, and reads another one under a shorter code —
    /// 0422-11-2233 as 042-211-2233. So the 市外局番 is the longest prefix under which the data groups any number, and
    /// the rest follows from it. Null for what is not a 10-digit geographic number (mobile, 0120, 0570, 050…).
    /// </summary>
    private static string? GeographicSplit(string digits)
    {
        if (digits.Length != MinDigits || digits[0] != '0' || digits[1] == '0'
            || digits.StartsWith("0120", StringComparison.Ordinal) || digits.StartsWith("0570", StringComparison.Ordinal) || digits.StartsWith("0990", StringComparison.Ordinal))
            return null;
        var area = AreaCodeLengths.GetOrAdd(digits[..5], AreaCodeLength);
        return area == 0 ? null : $"{digits[..area]}-{digits[area..^4]}-{digits[^4..]}";
    }

    /// <summary>How long the 市外局番 (with its 0) is for numbers beginning with these five digits; 0 when the data knows none.</summary>
    private static int AreaCodeLength(string firstFive)
    {
        for (var area = 5; area >= 2; area--)
        {
            var prefix = firstFive[..area];
            if (Enumerable.Range(0, 10).Any(d => National((prefix + (char)('0' + d)).PadRight(MinDigits, '0')).StartsWith(prefix + "-", StringComparison.Ordinal)))
                return area;
        }
        return 0;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> AreaCodeLengths = new(StringComparer.Ordinal);

    private static readonly PhoneNumbers.PhoneNumberUtil Numbers = PhoneNumbers.PhoneNumberUtil.GetInstance();

    private static int ExpectedLength(string digits) =>
        digits.Length < 4 || digits[0] != '0' ? -1
        : digits.StartsWith("0800", StringComparison.Ordinal) || (digits[2] == '0' && digits[1] is '5' or '7' or '8' or '9') ? MaxDigits
        : MinDigits;

    // NFKC has already turned full-width hyphens and spaces into ASCII; the dashes below survive it.
    private static bool IsSeparator(char ch) =>
        ch is '-' or ' ' or '(' or ')' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u30FC' or '\uFF70';
}
