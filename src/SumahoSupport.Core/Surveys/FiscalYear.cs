using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Surveys;

/// <summary>年度: April to March, named in 令和 on reports.</summary>
public static class FiscalYear
{
    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static (DateTime FromUtc, DateTime UntilUtc) UtcRange(int fiscalYear) =>
        (JapaneseTime.ToUtc(new DateTime(fiscalYear, 4, 1)), JapaneseTime.ToUtc(new DateTime(fiscalYear + 1, 4, 1)));

    /// <summary>「令和8年度」 for 2026; 令和元年 is 2019.</summary>
    public static string Reiwa(int fiscalYear) => fiscalYear == 2019 ? "令和元年度" : $"令和{fiscalYear - 2018}年度";
}
