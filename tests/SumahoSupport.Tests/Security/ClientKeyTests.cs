using System.Net;
using SumahoSupport.Web.Security;

namespace SumahoSupport.Tests.Security;

/// <summary>Who one client is, for the per-client limits and the sign-in lockout.</summary>
public sealed class ClientKeyTests
{
    [Theory]
    [InlineData("127.0.0.1", "::1")]
    [InlineData("2001:db8:1:2::a", "2001:db8:1:2:ffff:ffff:ffff:1")]
    [InlineData("192.0.2.10", "::ffff:192.0.2.10")]
    public void TheseAddresses_AreOneClient(string one, string other) =>
        Assert.Equal(ClientKey.Of(IPAddress.Parse(one)), ClientKey.Of(IPAddress.Parse(other)));

    [Theory]
    [InlineData("2001:db8:1:2::a", "2001:db8:1:3::a")]
    [InlineData("192.0.2.10", "192.0.2.11")]
    [InlineData("127.0.0.1", "192.0.2.11")]
    public void TheseAddresses_AreTwoClients(string one, string other) =>
        Assert.NotEqual(ClientKey.Of(IPAddress.Parse(one)), ClientKey.Of(IPAddress.Parse(other)));

    [Fact]
    public void AnIPv6Client_IsNamedByIts64() =>
        Assert.Equal("2001:db8:1:2::/64", ClientKey.Of(IPAddress.Parse("2001:db8:1:2:3:4:5:6")));
}
