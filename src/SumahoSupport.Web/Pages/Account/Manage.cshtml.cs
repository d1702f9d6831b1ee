using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>アカウントの設定: one's own password, and the way to the authenticator settings.</summary>
public sealed class ManageModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, StaffAccountService accounts) : PageModel
{
    [BindProperty] public PasswordInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await LoadAsync();
        if (Input.NewPassword != Input.Confirm) ModelState.AddModelError("Input.Confirm", "確認のパスワードが一致しません。同じものを2回入力してください。");
        if (!ModelState.IsValid) return Page();
        var result = await accounts.ChangeOwnPasswordAsync(user, Input.CurrentPassword, Input.NewPassword, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            return Page();
        }
        // The new security stamp ends the account's other sessions; this one continues as it was signed in.
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "パスワードを変更しました。ほかの端末のログインは終了しました。";
        return RedirectToPage();
    }

    private async Task<AppUser> LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        Email = user.Email ?? "";
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        return user;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "いまのパスワードを入力してください。"), StringLength(128, ErrorMessage = "パスワードが長すぎます。")]
        [DataType(DataType.Password), Display(Name = "いまのパスワード")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "新しいパスワードを入力してください。"), StringLength(128, ErrorMessage = "パスワードが長すぎます。")]
        [DataType(DataType.Password), Display(Name = "新しいパスワード（12文字以上）")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "確認のため、もう一度入力してください。"), StringLength(128, ErrorMessage = "パスワードが長すぎます。")]
        [DataType(DataType.Password), Display(Name = "新しいパスワード（確認）")]
        public string Confirm { get; set; } = "";
    }
}
