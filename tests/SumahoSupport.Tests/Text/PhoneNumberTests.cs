using SumahoSupport.Core.Text;

namespace SumahoSupport.Tests.Text;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("090-1234-5678", "09012345678")]
    [InlineData("０９０－１２３４－５６７８", "09012345678")]
    [InlineData("０９０ー１２３４ー５６７８", "09012345678")]
    [InlineData("(0267)12-3456", "0267123456")]
    [InlineData(" 03 1234 5678 ", "0312345678")]
    [InlineData("090‐1234‐5678", "09012345678")]
    [InlineData("0120-000-000", "0120000000")]
    [InlineData("0800-123-4567", "08001234567")]
    [InlineData("050-1234-5678", "05012345678")]
    public void Normalize_AcceptsTheWaysPeopleWriteNumbers(string input, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234")]
    [InlineData("090-1234-567")]
    [InlineData("090-1234-56789")]
    [InlineData("190-1234-5678")]
    [InlineData("03-1234-56789")]
    [InlineData("090-1234-5678 内線12")]
    [InlineData("<script>0901234567</script>")]
    [InlineData("0901234567\u0000")]
    public void Normalize_RejectsWhatIsNotAPhoneNumber(string input) => Assert.Null(PhoneNumber.Normalize(input));

    [Theory]
    [InlineData("09012345678", "090-1234-5678")]
    [InlineData("0312345678", "03-1234-5678")]
    [InlineData("0267123456", "0267-12-3456")]
    [InlineData("0451234567", "045-123-4567")]
    [InlineData("0661234567", "06-6123-4567")]
    [InlineData("0120000000", "0120-000-000")]
    [InlineData("08001234567", "0800-123-4567")]
    [InlineData("05012345678", "050-1234-5678")]
    [InlineData("0570123456", "0570-123-456")]
    [InlineData("0112345678", "011-234-5678")]
    [InlineData("123", "123")]
    // 4- and 5-digit area codes from 総務省's 市外局番 list, with exchanges that are and are not in use.
    [InlineData("0422112233", "0422-11-2233")] // 武蔵野・三鷹
    [InlineData("0422512233", "0422-51-2233")]
    [InlineData("0428221234", "0428-22-1234")] // 青梅
    [InlineData("0426201234", "042-620-1234")] // 八王子
    [InlineData("0466221234", "0466-22-1234")] // 藤沢
    [InlineData("0465111234", "0465-11-1234")] // 小田原
    [InlineData("0462211234", "046-221-1234")] // 厚木
    [InlineData("0280221234", "0280-22-1234")] // 古河
    [InlineData("0555221234", "0555-22-1234")] // 富士吉田
    [InlineData("0995221234", "0995-22-1234")] // 加治木
    [InlineData("0499221234", "04992-2-1234")] // 伊豆大島
    [InlineData("0499621234", "04996-2-1234")] // 八丈島
    [InlineData("0980521234", "0980-52-1234")] // 名護
    [InlineData("0980221234", "09802-2-1234")] // 南大東
    [InlineData("0267111234", "0267-11-1234")] // 佐久・小諸
    [InlineData("0299111234", "0299-11-1234")] // 石岡・鹿嶋
    [InlineData("0172111234", "0172-11-1234")] // 弘前
    [InlineData("0153111234", "0153-11-1234")] // 根室
    [InlineData("0154711234", "01547-1-1234")] // 白糠
    [InlineData("0597211234", "0597-21-1234")] // 尾鷲
    [InlineData("0428111234", "0428-11-1234")] // 青梅, 市内局番 not allocated
    public void Format_GroupsDigitsAsJapanesePeopleWriteThem(string digits, string expected) =>
        Assert.Equal(expected, PhoneNumber.Format(digits));
}
