using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Supporter.Pages.Logs;

/// <summary>
/// 相談記録の入力: for a booked consultation (its place and topics filled in) or a walk-in. A note with a run of digits is
/// sent back once with a warning, because passwords and card numbers must never be written down.
/// </summary>
public sealed class NewModel(AppDbContext db, SupportLogService logs) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "booking")] public string? BookingCode { get; set; }

    [BindProperty] public LogInput Input { get; set; } = new();

    public BookedFacts? Booking { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Venues { get; private set; } = [];

    /// <summary>The note looked like a number; the supporter must confirm before it is saved.</summary>
    public bool AskAboutDigits { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } me) return Forbid();
        if (!await LoadAsync(me, ct)) return NotFound();
        if (Booking is not null && Input.Topics.Count == 0) Input.Topics = [.. ConsultationTopics.Parse(Booking.Topics)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } me) return Forbid();
        if (!await LoadAsync(me, ct)) return NotFound();
        if (!Input.Topics.Any(t => ConsultationTopics.All.Any(a => a.Code == t))) ModelState.AddModelError("Input.Topics", "相談の内容を1つ以上選んでください。");
        if (Input.ReferredTo is not null && !SupportLogText.Referrals.Contains(Input.ReferredTo)) ModelState.AddModelError("Input.ReferredTo", "紹介先を選び直してください。");
        if (Booking is null && Input.Mode == ConsultationMode.AtVenue && !Venues.Any(v => v.Id == Input.VenueId))
            ModelState.AddModelError("Input.VenueId", "会場を選んでください。");
        if (SupportLogText.LooksLikeSecretNumber(Input.Note) && !Input.NoteHasNoSecrets)
        {
            AskAboutDigits = true;
            ModelState.AddModelError("Input.Note", "メモに数字の並びがあります。パスワード・暗証番号・カード番号などは書かないでください。消すか、番号でないことを確かめてチェックを入れてください。");
        }
        if (!ModelState.IsValid) return Page();

        var result = await logs.RecordAsync(me, new SupportLogDraft(
            Booking?.Code, Input.Mode, Input.VenueId, Input.Topics, Input.Minutes, Input.Resolution, Input.FollowUpNeeded,
            Input.ReferredTo, string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim()), ct);
        if (result != SupportLogResult.Recorded)
        {
            ModelState.AddModelError(string.Empty, result switch
            {
                SupportLogResult.NotHeld => "この相談はまだ始まっていないか、キャンセルされています。",
                SupportLogResult.AlreadyRecorded => "この相談はすでに記録されています。",
                SupportLogResult.NotYours => "この相談の担当ではありません。",
                _ => throw new UnreachableException(),
            });
            return Page();
        }
        TempData["StatusMessage"] = "相談記録を保存しました。ありがとうございました。";
        return RedirectToPage("Index");
    }

    /// <summary>False when a booking code is given that is not this supporter's.</summary>
    private async Task<bool> LoadAsync(int me, CancellationToken ct)
    {
        Venues = (await db.Venues.AsNoTracking().OrderBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(ct)).Select(v => (v.Id, v.Name)).ToList();
        if (string.IsNullOrEmpty(BookingCode)) return true;
        Booking = await db.ConsultationBookings.AsNoTracking().Where(b => b.Code == BookingCode && b.SupporterId == me)
            .Select(b => new BookedFacts(b.Code, b.StartsAtUtc, b.EndsAtUtc, b.Schedule.Venue == null ? ConsultationService.ModeName(b.Schedule.Mode) : b.Schedule.Venue.Name, b.Topics))
            .SingleOrDefaultAsync(ct);
        return Booking is not null;
    }

    public sealed record BookedFacts(string Code, DateTime StartsAtUtc, DateTime EndsAtUtc, string Place, string Topics);

    public sealed class LogInput
    {
        [EnumDataType(typeof(ConsultationMode), ErrorMessage = "相談の方法を選び直してください。")]
        public ConsultationMode Mode { get; set; }

        public int? VenueId { get; set; }

        public List<string> Topics { get; set; } = [];

        [Range(1, 240, ErrorMessage = "かかった時間は1〜240分で入力してください。"), Display(Name = "かかった時間（分）")]
        public int Minutes { get; set; } = 30;

        [EnumDataType(typeof(Resolution), ErrorMessage = "結果を選び直してください。")]
        public Resolution Resolution { get; set; }

        public bool FollowUpNeeded { get; set; }

        [StringLength(50)]
        public string? ReferredTo { get; set; }

        [StringLength(300, ErrorMessage = "メモは300文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "メモ（任意）")]
        public string? Note { get; set; }

        public bool NoteHasNoSecrets { get; set; }
    }
}
