using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>The second step with one of the ten recovery codes shown when the authenticator was set up; each works once.</summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn) : SecondStepModel(signIn)
{
    [BindProperty] public CodeInput Input { get; set; } = new();

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync() =>
        Identity.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));

    protected override string WrongCodeMessage => "回復コードが正しくないか、すでに使われています。";

    protected override string SignedInMessage =>
        "回復コードでログインしました。使ったコードはもう使えません。スマホを変えたときは、アカウントの設定から認証アプリを設定し直してください。";

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "回復コードを入力してください。")]
        [RegularExpression(@"^[A-Za-z0-9\s-]{6,20}$", ErrorMessage = "回復コードは、表示されたとおりの英数字で入力してください。")]
        [Display(Name = "回復コード")]
        public string Code { get; set; } = "";
    }
}
