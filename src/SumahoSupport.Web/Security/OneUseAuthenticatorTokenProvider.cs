using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Security;

/// <summary>
/// The authenticator app's six digits (RFC 6238: HMAC-SHA1 over 30-second steps), checked as Identity's own provider does
/// but on the app's clock, one step either side instead of two, and <b>once</b>: the step of an accepted code is stored
/// (<see cref="AppUser.LastAuthenticatorStep"/>) by a conditional update, so that code and every earlier one are refused
/// afterwards, even by a second session racing the first.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(AppDbContext db, UnitOfWork work, TimeProvider clock) : AuthenticatorTokenProvider<AppUser>
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>How many steps either side of now a code may be from: a phone's clock a little off still works.</summary>
    private const int AllowedDrift = 1;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var secret = FromBase32(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeAt(secret, step)), Encoding.ASCII.GetBytes(token))) continue;
            var accepted = step;
            var claimed = await work.RunAsync(unit => unit.UpdateAsync(
                db.Users.Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < accepted)),
                set => set.SetProperty(u => u.LastAuthenticatorStep, accepted), CancellationToken.None), CancellationToken.None);
            if (claimed == 0) return false;
            // The tracked account is saved again by Identity (the failure count is reset); it must not write the old step back.
            user.LastAuthenticatorStep = accepted;
            db.Entry(user).Property(u => u.LastAuthenticatorStep).OriginalValue = accepted;
            return true;
        }
        return false;
    }

    private static string CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The key as Identity writes it (<see cref="UserManager{TUser}.GenerateNewAuthenticatorKey"/>): RFC 4648 base32.</summary>
    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) continue;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
