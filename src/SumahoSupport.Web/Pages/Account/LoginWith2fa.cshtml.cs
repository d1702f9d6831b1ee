using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>
/// The second step of a staff sign-in: the six digits the authenticator app shows. Wrong codes count toward the same
/// lockout as wrong passwords. There is no "remember this computer": city PCs are shared.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login", new { ReturnUrl });
        if (!ModelState.IsValid) return Page();
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "続けて失敗したため、しばらくログインできません。15分ほどしてからお試しください。"
            : "確認コードが正しくありません。認証アプリに今出ている6けたの数字を入力してください。");
        return Page();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "認証アプリの6けたの数字を入力してください。")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "6けたの数字で入力してください。")]
        [Display(Name = "確認コード（6けた）")]
        public string Code { get; set; } = "";
    }
}
