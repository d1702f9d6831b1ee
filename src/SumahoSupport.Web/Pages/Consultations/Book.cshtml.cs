using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SumahoSupport.Core;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Pages.Shared;
using SumahoSupport.Web.Validation;

using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.Pages.Consultations;

/// <summary>
/// Books one consultation time: who, which phone, what they need help with. Residents book without an account; a
/// coordinator signed in books for a caller (channel 電話), up to the start of the slot.
/// </summary>
[AllowAnonymous]
public sealed class BookModel(ConsultationService consultations, IOptions<CityOptions> city, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "schedule")] public int ScheduleId { get; set; }

    [BindProperty(SupportsGet = true, Name = "start")] public string? Start { get; set; }

    [BindProperty] public BookingInput Input { get; set; } = new();

    [BindProperty] public List<string> Topics { get; set; } = [];

    [BindProperty]
    [StringLength(300, ErrorMessage = "相談したいことは300文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
    [Display(Name = "相談したいこと（くわしく・任意）")]
    public string? RequestText { get; set; }

    [BindProperty] public bool Consent { get; set; }

    public ConsultationPlace Place { get; private set; } = default!;

    public ConsultationSlot Slot { get; private set; } = default!;

    public string? Address { get; private set; }

    /// <summary>A coordinator books for a caller: no consent box, channel 電話, up to the slot's start.</summary>
    public bool ByStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] DeviceType? device, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (device is { } d && Enum.IsDefined(d)) Input.Device ??= d;
        return Page();
    }

    /// <summary>The 確認 step: what was typed, shown back with 「この内容で予約する」 and 「修正する」. Nothing is booked yet.</summary>
    public bool Checking { get; private set; }

    /// <summary>入力 → 確認: checks what was typed and shows it back; takes no time.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Checking = IsValid();
        return Page();
    }

    /// <summary>A form sent without a step (a page opened before the 確認 step existed) is checked, never booked at once.</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => OnPostCheckAsync(ct);

    /// <summary>「修正する」: back to the form, filled in as it was.</summary>
    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        return Page();
    }

    /// <summary>確認 → 完了: the time is taken here, and only here; the carried fields are checked again.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!IsValid()) return Page();

        var channel = ByStaff ? BookingChannel.Phone : BookingChannel.Web;
        var result = await consultations.BookAsync(new ConsultationRequest(ScheduleId, Slot.StartsAtUtc, Input.ToRequest(channel), Topics,
            string.IsNullOrWhiteSpace(RequestText) ? null : RequestText.Trim()), channel, ct);
        switch (result)
        {
            case ConsultationResult.Booked booked:
                return RedirectToPage("Show", new { code = booked.Code, token = booked.Token, done = "booked" });
            case ConsultationResult.Taken:
                ModelState.AddModelError(string.Empty, "申し訳ありません。この時間は、いま別の方の予約で埋まりました。ほかの時間を選んでください。");
                return Page();
            case ConsultationResult.LimitReached:
                ModelState.AddModelError(string.Empty, ResidentMessages.LimitReached(text, city.Value));
                return Page();
            case ConsultationResult.NotASlot:
                ModelState.AddModelError(string.Empty, "この時間はもう予約できません。ほかの時間を選んでください。");
                return Page();
            default:
                throw new UnreachableException();
        }
    }

    private bool IsValid()
    {
        if (!Consent && !ByStaff) ModelState.AddModelError(nameof(Consent), "個人情報の取り扱いに同意してください。");
        if (!Topics.Any(t => ConsultationTopics.All.Any(a => a.Code == t))) ModelState.AddModelError(nameof(Topics), "相談したいことを1つ以上選んでください。");
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        ByStaff = await HttpContext.IsStaffAsync();
        if (ConsultationPlaces.ParseStart(Start) is not { } start) return false;
        if (await consultations.FindSlotAsync(ScheduleId, start, ct) is not { } found) return false;
        (Place, Slot, Address) = found;
        return true;
    }
}
