using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>The second step with one of the ten recovery codes shown when the authenticator was set up; each works once.</summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login", new { ReturnUrl });
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = "回復コードでログインしました。使ったコードはもう使えません。スマホを変えたときは、アカウントの設定から認証アプリを設定し直してください。";
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "続けて失敗したため、しばらくログインできません。15分ほどしてからお試しください。"
            : "回復コードが正しくないか、すでに使われています。");
        return Page();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "回復コードを入力してください。")]
        [RegularExpression(@"^[A-Za-z0-9\s-]{6,20}$", ErrorMessage = "回復コードは、表示されたとおりの英数字で入力してください。")]
        [Display(Name = "回復コード")]
        public string Code { get; set; } = "";
    }
}
