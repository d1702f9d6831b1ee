using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>
/// パスワードの設定: opened from the link mailed on approval (an Identity reset token, valid 3 days), so nobody else
/// ever learns the new supporter's password.
/// </summary>
[AllowAnonymous]
public sealed class SetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? AccountId { get; set; }

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty] public PasswordInput Input { get; set; } = new();

    public string? Email { get; private set; }

    /// <summary>The link names no account or its token is not (or no longer) valid; the page then shows nothing of the account.</summary>
    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindWithValidTokenAsync();
        if (user is null) return InvalidLink();
        Email = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindWithValidTokenAsync();
        if (user is null) return InvalidLink();
        Email = user.Email;
        if (Input.Password != Input.Confirm) ModelState.AddModelError("Input.Confirm", "確認のパスワードが一致しません。同じものを2回入力してください。");
        if (!ModelState.IsValid) return Page();

        var result = await users.ResetPasswordAsync(user, Token!, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? string.Empty : "Input.Password", error.Code == "InvalidToken"
                    ? "このリンクは期限切れか、すでに使われています。コーディネーターに新しいリンクを依頼してください。"
                    : error.Description);
            }
            return Page();
        }
        TempData["StatusMessage"] = "パスワードを設定しました。メールアドレスと新しいパスワードでログインしてください。";
        return RedirectToPage("Login", new { ReturnUrl = "/Supporter" });
    }

    /// <summary>
    /// The account, only when the link's token is valid for it: the page shows the account's e-mail address, which a
    /// guessed or expired link must not reveal.
    /// </summary>
    private async Task<AppUser?> FindWithValidTokenAsync()
    {
        if (string.IsNullOrEmpty(AccountId) || string.IsNullOrEmpty(Token) || AccountId.Length > 64 || Token.Length > 2048) return null;
        var user = await users.FindByIdAsync(AccountId);
        return user is not null && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<AppUser>.ResetPasswordTokenPurpose, Token) ? user : null;
    }

    private PageResult InvalidLink()
    {
        LinkInvalid = true;
        ModelState.Clear();
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "新しいパスワードを入力してください。")]
        [StringLength(128, ErrorMessage = "パスワードが長すぎます。")]
        [DataType(DataType.Password)]
        [Display(Name = "新しいパスワード（12文字以上）")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "確認のため、もう一度入力してください。")]
        [StringLength(128, ErrorMessage = "パスワードが長すぎます。")]
        [DataType(DataType.Password)]
        [Display(Name = "新しいパスワード（確認）")]
        public string Confirm { get; set; } = "";
    }
}
