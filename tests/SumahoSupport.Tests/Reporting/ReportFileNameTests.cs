using SumahoSupport.Core.Reporting;

namespace SumahoSupport.Tests.Reporting;

public sealed class ReportFileNameTests
{
    [Theory]
    [InlineData("実績報告_令和8年度（2026年度）", "xlsx", "実績報告_令和8年度_2026年度.xlsx")]
    [InlineData("理解度_講座別（令和8年度）", "csv", "理解度_講座別_令和8年度.csv")]
    [InlineData("操作履歴", "csv", "操作履歴.csv")]
    [InlineData("相談記録 2026/12/01〜2026/12/31", "csv", "相談記録_2026_12_01_2026_12_31.csv")]
    [InlineData("a/../b", "csv", "a_b.csv")]
    public void FileNames_HaveNoStrayCharacters(string name, string extension, string expected) =>
        Assert.Equal(expected, ReportTable.FileName(name, extension));
}
