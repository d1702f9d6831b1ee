using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Privacy;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Residents;

/// <summary>
/// 個人情報の開示・削除: a coordinator finds the resident who asked — by phone number or name — and opens what the city
/// holds about them. Searching shows only name, ふりがな and phone; opening the record is an audit entry.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public static readonly IReadOnlyList<string> Purposes = ["本人からの開示の請求", "本人からの削除・利用停止の請求", "本人からの問い合わせへの対応"];

    [BindProperty(SupportsGet = true)] public SearchInput Search { get; set; } = new();

    public IReadOnlyList<ResidentMatch>? Matches { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Search.Query)) return Page();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Matches = await Core.Privacy.Residents.FindAsync(db, Search.Query, ct);
        return Page();
    }

    public sealed class SearchInput
    {
        [StringLength(50, ErrorMessage = "50文字以内で入力してください。"), PlainText]
        [Display(Name = "電話番号、お名前、またはふりがな")]
        public string? Query { get; set; }

        [RegularExpression("^[0-2]$", ErrorMessage = "目的を選び直してください。")]
        [Display(Name = "開く目的")]
        public string Purpose { get; set; } = "0";
    }
}
