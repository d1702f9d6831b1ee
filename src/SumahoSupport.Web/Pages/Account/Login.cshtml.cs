using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(AppSignInManager signIn, UserManager<AppUser> users, DemoPasswords demoPasswords) : PageModel
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

        // A locked account, an unknown address, a resting account and a wrong password get one answer after the same
        // work, so neither the message nor its timing tells a stranger which accounts exist (AppSignInManager).
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password);
        if (result.Succeeded) return LocalRedirect(await StaffLanding.PathAsync(Url, ReturnUrl, users, await users.FindByEmailAsync(Input.Email)));
        if (result.RequiresTwoFactor) return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        ModelState.AddModelError(string.Empty, NotSignedIn);
        return Page();
    }

    public const string NotSignedIn =
        "メールアドレスまたはパスワードが正しくありません。続けて5回まちがえると、15分ほどログインできなくなります。休止中のアカウントではログインできません。";

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
