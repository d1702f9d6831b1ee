using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Accounts;

/// <summary>Creates staff and supporter logins and their roles.</summary>
public sealed class StaffAccountService(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, AuditLog audit, AppDbContext db)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    /// <summary>Creates an account in <paramref name="role"/>; with no password given, generates a strong one.</summary>
    public async Task<CreatedAccount> CreateAsync(string email, string displayName, string role, string? password)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        await EnsureRolesAsync();
        if (await users.FindByEmailAsync(email) is not null)
            return new CreatedAccount(false, email, null, [$"{email} は既に登録されています。"]);

        var generated = password is null;
        password ??= GeneratePassword();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return new CreatedAccount(false, email, null, created.Errors.Select(e => e.Description).ToList());
        Check(await users.AddToRoleAsync(user, role));
        audit.Record("account.created", nameof(AppUser), user.Id, role);
        await db.SaveChangesAsync();
        return new CreatedAccount(true, email, generated ? password : null, []);
    }

    /// <summary>20 characters from an unambiguous alphabet plus a digit, upper and lower case: about 117 bits.</summary>
    public static string GeneratePassword()
    {
        var body = RandomNumberGenerator.GetString(PasswordAlphabet, 20);
        return $"{body}-7aA";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>The outcome of creating an account; <see cref="GeneratedPassword"/> is shown once, then forgotten.</summary>
public sealed record CreatedAccount(bool Succeeded, string Email, string? GeneratedPassword, IReadOnlyList<string> Errors);
