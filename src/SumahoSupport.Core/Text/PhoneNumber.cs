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
    /// Written as Japanese people write it, by Google's numbering plan data (libphonenumber): 090-1234-5678,
    /// 03-1234-5678, 045-123-4567, 0267-12-3456, 0120-000-000, 0800-123-4567. Digits it cannot place stay as they are.
    /// </summary>
    public static string Format(string digits)
    {
        try
        {
            var number = Numbers.Parse(digits, "JP");
            return Numbers.Format(number, PhoneNumbers.PhoneNumberFormat.NATIONAL);
        }
        catch (PhoneNumbers.NumberParseException)
        {
            return digits;
        }
    }

    private static readonly PhoneNumbers.PhoneNumberUtil Numbers = PhoneNumbers.PhoneNumberUtil.GetInstance();

    private static int ExpectedLength(string digits) =>
        digits.Length < 4 || digits[0] != '0' ? -1
        : digits.StartsWith("0800", StringComparison.Ordinal) || (digits[2] == '0' && digits[1] is '5' or '7' or '8' or '9') ? MaxDigits
        : MinDigits;

    // NFKC has already turned full-width hyphens and spaces into ASCII; the dashes below survive it.
    private static bool IsSeparator(char ch) =>
        ch is '-' or ' ' or '(' or ')' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u30FC' or '\uFF70';
}
