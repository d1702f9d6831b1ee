using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>
/// The second step of a staff sign-in: the six digits the authenticator app shows. Wrong codes count toward the same
/// lockout as wrong passwords. There is no "remember this computer": city PCs are shared.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn) : SecondStepModel(signIn)
{
    [BindProperty] public CodeInput Input { get; set; } = new();

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync() => Identity.TwoFactorAuthenticatorSignInAsync(
        Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);

    protected override string WrongCodeMessage => "確認コードが正しくありません。認証アプリに今出ている6けたの数字を入力してください。";

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "認証アプリの6けたの数字を入力してください。")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "6けたの数字で入力してください。")]
        [Display(Name = "確認コード（6けた）")]
        public string Code { get; set; } = "";
    }
}
