using System.Net;
using System.Net.Sockets;

namespace SumahoSupport.Web.Security;

/// <summary>
/// Who "one client" is, for the per-client limits and the sign-in lockout. An IPv4 address is one client; IPv6 hands
/// every home or phone a whole /64 to pick addresses from, so a client is its /64, not each address it can choose. The
/// machine itself (127.0.0.1 and ::1) is one client, as is an IPv4 address written in its IPv6 form.
/// </summary>
public static class ClientKey
{
    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (IPAddress.IsLoopback(address)) return "loopback";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
