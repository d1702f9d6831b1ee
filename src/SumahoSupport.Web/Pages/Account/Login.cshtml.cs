using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInTiming timing, DemoPasswords demoPasswords) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (demoPasswords.IsRefused(Input.Password))
        {
            ModelState.AddModelError(string.Empty, "デモ用のパスワードはこの環境では使えません。管理者にパスワードの再設定を依頼してください。");
            return Page();
        }

        // An unknown address, or an account that may not sign in (resting), gets the same answer after the same work as
        // a wrong password, so neither the message nor its timing tells a stranger which accounts exist.
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            timing.SpendPasswordCheck(Input.Password);
            ModelState.AddModelError(string.Empty, WrongPassword);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        if (result.RequiresTwoFactor) return RedirectToPage("LoginWith2fa", new { ReturnUrl });

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "ログインに続けて失敗したため、しばらくログインできません。15分ほどしてからお試しください。"
            : WrongPassword);
        return Page();
    }

    private const string WrongPassword = "メールアドレスまたはパスワードが正しくありません。休止中のアカウントではログインできません。";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "メールアドレスを入力してください。")]
        [EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません。")]
        [StringLength(254, ErrorMessage = "メールアドレスが長すぎます。")]
        [Display(Name = "メールアドレス")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "パスワードを入力してください。")]
        [StringLength(128, ErrorMessage = "パスワードが長すぎます。")]
        [DataType(DataType.Password)]
        [Display(Name = "パスワード")]
        public string Password { get; set; } = "";
    }
}
