using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Pages.Shared;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Supporter.Pages;

/// <summary>スマホ支援員の応募: anyone may apply; a coordinator approves the application.</summary>
[AllowAnonymous]
public sealed class ApplyModel(SupporterService supporters) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(bool sent = false) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Input.Consent) ModelState.AddModelError("Input.Consent", "個人情報の取り扱いに同意してください。");
        if (!Input.KnowsAndroid && !Input.KnowsIPhone) ModelState.AddModelError("Input.KnowsAndroid", "教えられる機種を1つ以上選んでください。");
        if (!ModelState.IsValid) return Page();

        var (result, _) = await supporters.ApplyAsync(new SupporterApplication(
            Input.Name!.Normalize(System.Text.NormalizationForm.FormKC).Trim(),
            Kana.Normalize(Input.Kana) ?? throw new InvalidOperationException("validated"),
            Input.Phone!, Input.Email!.Trim(),
            string.IsNullOrWhiteSpace(Input.Area) ? null : Input.Area.Trim(),
            Input.KnowsAndroid, Input.KnowsIPhone, WeeklyGrid.Parse(Input.Slots),
            string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim()), ct);
        if (result == ApplyResult.AlreadyRegistered)
        {
            ModelState.AddModelError(string.Empty, "この電話番号かメールアドレスで、すでに応募または登録があります。コーディネーターにお問い合わせください。");
            return Page();
        }
        return RedirectToPage(new { sent = true });
    }

    public sealed class ApplicationInput
    {
        [Required(ErrorMessage = "お名前を入力してください。"), StringLength(50, ErrorMessage = "お名前は50文字以内で入力してください。"), PlainText]
        [Display(Name = "お名前")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "ふりがなを入力してください。"), StringLength(50, ErrorMessage = "ふりがなは50文字以内で入力してください。"), Kana]
        [Display(Name = "ふりがな")]
        public string? Kana { get; set; }

        [Required(ErrorMessage = "電話番号を入力してください。"), StringLength(30, ErrorMessage = "電話番号が長すぎます。"), JapanesePhone]
        [Display(Name = "電話番号")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "メールアドレスを入力してください。研修のご案内とログインに使います。")]
        [StringLength(254, ErrorMessage = "メールアドレスが長すぎます。")]
        [EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません（例: taro@example.jp）。"), PlainText]
        [Display(Name = "メールアドレス")]
        public string? Email { get; set; }

        [StringLength(50, ErrorMessage = "活動したい地域は50文字以内で入力してください。"), PlainText]
        [Display(Name = "活動したい地域")]
        public string? Area { get; set; }

        public bool KnowsAndroid { get; set; }

        public bool KnowsIPhone { get; set; }

        public List<string> Slots { get; set; } = [];

        [StringLength(500, ErrorMessage = "ひとことは500文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "ひとこと（経験や、応募のきっかけなど）")]
        public string? Note { get; set; }

        public bool Consent { get; set; }
    }
}
