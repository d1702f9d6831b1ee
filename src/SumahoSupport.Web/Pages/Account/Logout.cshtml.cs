using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>
/// POST only (with the antiforgery token), so a link on another site cannot sign staff out. Signing out renews the
/// account's security stamp, so a copy of the cookie (a shared counter PC, a stolen cookie) stops working too — and so do
/// the account's sessions on other devices.
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
