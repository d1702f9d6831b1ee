using SumahoSupport.Core.Bookings;

namespace SumahoSupport.Tests.Bookings;

public sealed class BookingSecretsTests
{
    [Fact]
    public void NewCode_UsesOnlyUnambiguousCharacters()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => BookingSecrets.NewCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[ACEFGHJKMNPQRTWXY34679]{3}-[ACEFGHJKMNPQRTWXY34679]{3}$", c));
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['0', 'O', '1', 'I', 'L', '5', 'S', '8', 'B', '2', 'Z']) >= 0);
    }

    [Theory]
    [InlineData("k7m-4px", "K7M-4PX")]
    [InlineData("Ｋ７Ｍ－４ＰＸ", "K7M-4PX")]
    [InlineData(" K7M 4PX ", "K7M-4PX")]
    [InlineData("K7M4PX", "K7M-4PX")]
    public void NormalizeCode_AcceptsCodesAsReadOverThePhone(string input, string expected) =>
        Assert.Equal(expected, BookingSecrets.NormalizeCode(input));

    [Theory]
    [InlineData("K7M-4P")]
    [InlineData("K0M-4PX")]
    [InlineData("<script>")]
    [InlineData("")]
    public void NormalizeCode_RejectsAnythingElse(string input) => Assert.Null(BookingSecrets.NormalizeCode(input));

    [Fact]
    public void ManageToken_CarriesAtLeast128Bits()
    {
        var token = BookingSecrets.NewSecretToken();
        Assert.True(token.Length * 6 >= 128, token);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.NotEqual(token, BookingSecrets.NewSecretToken());
    }

    [Fact]
    public void TokenMatches_IsExact()
    {
        var token = BookingSecrets.NewSecretToken();
        Assert.True(BookingSecrets.TokenMatches(token, token));
        Assert.False(BookingSecrets.TokenMatches(token, token[..^1]));
        Assert.False(BookingSecrets.TokenMatches(token, null));
    }
}
