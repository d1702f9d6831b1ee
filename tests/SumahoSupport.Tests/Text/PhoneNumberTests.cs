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
    public void Format_GroupsDigitsAsJapanesePeopleWriteThem(string digits, string expected) =>
        Assert.Equal(expected, PhoneNumber.Format(digits));
}
