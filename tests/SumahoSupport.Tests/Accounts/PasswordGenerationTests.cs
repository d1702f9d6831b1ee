using SumahoSupport.Core.Accounts;

namespace SumahoSupport.Tests.Accounts;

public sealed class PasswordGenerationTests
{
    [Fact]
    public void GeneratePassword_MeetsThePolicyAndIsNeverRepeated()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => StaffAccountService.GeneratePassword()).ToList();
        Assert.All(passwords, p =>
        {
            Assert.True(p.Length >= 20);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
        });
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }
}
