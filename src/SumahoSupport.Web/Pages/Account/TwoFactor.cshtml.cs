using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SumahoSupport.Core;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>
/// 2段階認証の設定: the person scans the QR code with an authenticator app (or types the key), proves it with one code,
/// and is shown ten recovery codes once. Identity keeps the key and the (hashed) recovery codes.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, StaffAccountService accounts, IOptions<CityOptions> city) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>The key, in groups of four for typing by hand.</summary>
    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    /// <summary>Shown once, right after they were made; never stored in a form the app can show again.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "確認コードが正しくありません。認証アプリに今出ている6けたの数字を入力してください。");
            await LoadAsync(user);
            return Page();
        }
        RecoveryCodes = [.. await accounts.EnableTwoFactorAsync(user, RecoveryCodeCount, ct)];
        // The session now counts as a two-step sign-in, so the staff pages open without signing in again.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactorRequirementMiddleware.MethodClaim, TwoFactorRequirementMiddleware.TwoFactorMethod)]);
        Enabled = true;
        return Page();
    }

    /// <summary>New recovery codes for someone who used or lost theirs; the old ones stop working.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        Enabled = true;
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Making a key renews the account's security stamp; renew this session's cookie with it, or it would end.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key after reset.");
        }
        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var issuer = Uri.EscapeDataString($"{city.Value.Name} スマホ教室");
        AuthenticatorUri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6");
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "認証アプリの6けたの数字を入力してください。")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "6けたの数字で入力してください。")]
        [Display(Name = "認証アプリの確認コード（6けた）")]
        public string Code { get; set; } = "";
    }
}
