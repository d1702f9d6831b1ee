using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Surveys;

/// <summary>年度: April to March, named in 和暦 on reports.</summary>
public static class FiscalYear
{
    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>The 年度 of an instant, by its date in Japan (a class at 23:00 on 31 March is in the year ending).</summary>
    public static int OfUtc(DateTime utc) => Of(DateOnly.FromDateTime(JapaneseTime.ToTokyo(utc)));

    public static (DateTime FromUtc, DateTime UntilUtc) UtcRange(int fiscalYear) =>
        (JapaneseTime.ToUtc(new DateTime(fiscalYear, 4, 1)), JapaneseTime.ToUtc(new DateTime(fiscalYear + 1, 4, 1)));

    /// <summary>
    /// 「令和8年度」 for 2026. A fiscal year takes the era that began in its calendar year or before: 2018 is 平成30年度,
    /// 2019 — whose April was still 平成 — is 令和元年度, as the government and cities name it; 1989 is 平成元年度.
    /// </summary>
    public static string Name(int fiscalYear) =>
        fiscalYear is < 1 or > 9998 ? $"{fiscalYear}年度" : JapaneseTime.EraYear(new DateTime(fiscalYear, 12, 31)) + "度";
}
