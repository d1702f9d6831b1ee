using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Seeding;

namespace SumahoSupport.Web.Security;

/// <summary>
/// The demo accounts' passwords are published in README.md. Outside Development they are refused both when a
/// password is set and when someone signs in with one.
/// </summary>
public sealed class DemoPasswords(IOptions<SeedOptions> seed, IWebHostEnvironment environment)
{
    private readonly Lazy<IReadOnlyList<SeedFiles.AccountSeed>> accounts = new(() => Load(seed.Value.ResolveDirectory()));

    public bool IsRefused(string? password) =>
        !environment.IsDevelopment() && password is not null && accounts.Value.Any(a => a.Password == password);

    /// <summary>
    /// Whether <paramref name="db"/> holds a demo account (whose password anyone can read): a database seeded for a demo,
    /// which no command may turn into a city's own outside Development.
    /// </summary>
    public async Task<bool> HoldsDemoAccountsAsync(AppDbContext db, CancellationToken ct)
    {
        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any()) return false;
        var addresses = accounts.Value.Select(a => a.Email.ToUpperInvariant()).ToList();
        return await db.Users.AnyAsync(u => addresses.Contains(u.NormalizedEmail!), ct);
    }

    private static IReadOnlyList<SeedFiles.AccountSeed> Load(string directory) =>
        File.Exists(Path.Combine(directory, "demo.json")) ? SeedFiles.Read<SeedFiles.DemoSeed>(directory, "demo.json").Accounts : [];
}

internal sealed class DemoPasswordValidator(DemoPasswords demoPasswords) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(demoPasswords.IsRefused(password)
            ? IdentityResult.Failed(new IdentityError { Code = "DemoPassword", Description = "公開されているデモ用のパスワードは使えません。" })
            : IdentityResult.Success);
}
