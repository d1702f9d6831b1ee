using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.Pages.Bookings;

/// <summary>
/// 予約を確認・キャンセルする: the way back for a resident without e-mail, or who lost the slip. The 予約番号 and the phone
/// number booked with open the same page the mailed link opens (BookingLookup counts and limits the tries).
/// </summary>
[AllowAnonymous]
public sealed class FindModel(BookingLookup lookup) : PageModel
{
    public const string NotFoundMessage = "予約番号と電話番号の組み合わせが見つかりません。予約票やメールにある予約番号と、予約のときの電話番号をお確かめください。";
    public const string RefusedMessage = "確認のための入力が続けて違っていたため、この画面からは開けません。お手数ですが、お電話でお問い合わせください。";

    [BindProperty] public FindInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await lookup.FindAsync(Input.Code, Input.Phone, ClientKey.Of(HttpContext.Connection.RemoteIpAddress), ct);
        switch (result)
        {
            case LookupResult.Found { IsConsultation: false } booking:
                return RedirectToPage("/Bookings/Show", new { code = booking.Code, token = booking.Token });
            case LookupResult.Found consultation:
                return RedirectToPage("/Consultations/Show", new { code = consultation.Code, token = consultation.Token });
            case LookupResult.Refused:
                ModelState.AddModelError(string.Empty, RefusedMessage);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, NotFoundMessage);
                return Page();
        }
    }

    public sealed class FindInput
    {
        [Required(ErrorMessage = "予約番号を入力してください。")]
        [StringLength(20, ErrorMessage = "予約番号は「ABC-DEF」のような6文字です。")]
        [Display(Name = "予約番号")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "電話番号を入力してください。")]
        [StringLength(30, ErrorMessage = "電話番号が長すぎます。")]
        [Display(Name = "予約のときの電話番号")]
        public string Phone { get; set; } = "";
    }
}
