using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Pages.Account;

/// <summary>
/// The second step of a staff sign-in, however the code is given (authenticator or recovery code): without a first step
/// pending it goes back to the sign-in page; wrong codes count toward the same lockout as wrong passwords.
/// </summary>
public abstract class SecondStepModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    protected SignInManager<AppUser> Identity => signIn;

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("Login", new { ReturnUrl });
        if (!ModelState.IsValid) return Page();
        var result = await SignInWithCodeAsync();
        if (result.Succeeded)
        {
            if (SignedInMessage is { } message) TempData["StatusMessage"] = message;
            return LocalRedirect(await Security.StaffLanding.PathAsync(Url, ReturnUrl, signIn.UserManager, user));
        }
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "続けて失敗したため、しばらくログインできません。15分ほどしてからお試しください。"
            : WrongCodeMessage);
        return Page();
    }

    /// <summary>Signs in with the code the form holds.</summary>
    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync();

    protected abstract string WrongCodeMessage { get; }

    /// <summary>What to tell the person once they are in, if anything.</summary>
    protected virtual string? SignedInMessage => null;
}
