using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Privacy;

namespace SumahoSupport.Web.Pages;

/// <summary>個人情報の取り扱い, as the city words it in templates/privacy.txt.</summary>
[AllowAnonymous]
public sealed class PrivacyModel(PrivacyNotice notice) : PageModel
{
    public IReadOnlyList<NoticeBlock> Blocks { get; private set; } = [];

    public void OnGet() => Blocks = notice.Blocks();
}
