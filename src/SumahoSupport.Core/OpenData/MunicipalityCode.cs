namespace SumahoSupport.Core.OpenData;

/// <summary>
/// 全国地方公共団体コード (JIS X 0402): two digits of the prefecture, three of the municipality and a check digit —
/// 11 minus the weighted sum (6, 5, 4, 3, 2) modulo 11, its last digit. みどり市 (群馬県) is 10212 → 102121.
/// </summary>
public static class MunicipalityCode
{
    private static readonly int[] Weights = [6, 5, 4, 3, 2];

    /// <summary>The check digit of a five-digit code.</summary>
    public static int CheckDigit(ReadOnlySpan<char> fiveDigits)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++) sum += (fiveDigits[i] - '0') * Weights[i];
        return (11 - sum % 11) % 10;
    }

    /// <summary>Six ASCII digits whose last is the check digit of the first five, with a prefecture from 01 to 47.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: 6 } && code.All(char.IsAsciiDigit)
        && int.Parse(code.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 47
        && CheckDigit(code) == code[5] - '0';
}
