using Microsoft.AspNetCore.Identity;
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
    private readonly Lazy<HashSet<string>> published = new(() => Load(seed.Value.ResolveDirectory()));

    public bool IsRefused(string? password) =>
        !environment.IsDevelopment() && password is not null && published.Value.Contains(password);

    private static HashSet<string> Load(string directory) =>
        File.Exists(Path.Combine(directory, "demo.json"))
            ? SeedFiles.Read<SeedFiles.DemoSeed>(directory, "demo.json").Accounts.Select(a => a.Password).ToHashSet(StringComparer.Ordinal)
            : [];
}

internal sealed class DemoPasswordValidator(DemoPasswords demoPasswords) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(demoPasswords.IsRefused(password)
            ? IdentityResult.Failed(new IdentityError { Code = "DemoPassword", Description = "公開されているデモ用のパスワードは使えません。" })
            : IdentityResult.Success);
}
