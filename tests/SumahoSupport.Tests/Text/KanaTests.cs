using SumahoSupport.Core.Text;

namespace SumahoSupport.Tests.Text;

public sealed class KanaTests
{
    [Theory]
    [InlineData("やまだ はなこ", "やまだ はなこ")]
    [InlineData("ヤマダ　ハナコ", "やまだ はなこ")]
    [InlineData("ﾔﾏﾀﾞ ﾊﾅｺ", "やまだ はなこ")]
    [InlineData("  すずき   いちろう ", "すずき いちろう")]
    [InlineData("ヴァイオレット", "ゔぁいおれっと")]
    [InlineData("ゆうこ・スミス", "ゆうこ すみす")]
    [InlineData("おーた", "おーた")]
    public void Normalize_FoldsToHiragana(string input, string expected) => Assert.Equal(expected, Kana.Normalize(input));

    [Theory]
    [InlineData("山田 花子")]
    [InlineData("yamada")]
    [InlineData("やまだ1")]
    [InlineData("<b>やまだ</b>")]
    [InlineData("")]
    public void Normalize_RejectsAnythingButKana(string input) => Assert.Null(Kana.Normalize(input));
}
