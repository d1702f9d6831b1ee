using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Venues;

/// <summary>会場の追加・変更: what residents read on the class page (address, access, barrier-free notes) and what scheduling needs.</summary>
public sealed class EditModel(AppDbContext db, VenueService venues) : PageModel
{
    [BindProperty] public VenueInput Input { get; set; } = new();

    public int? VenueId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        VenueId = id;
        if (id is null) return Page();
        var venue = await db.Venues.AsNoTracking().Include(v => v.Rooms).SingleOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null) return NotFound();
        Input = new VenueInput
        {
            Name = venue.Name, Address = venue.Address, Area = venue.Area, Access = venue.Access, NameEn = venue.NameEn, AccessEn = venue.AccessEn, BarrierFreeNotes = venue.BarrierFreeNotes, Phone = venue.Phone,
            LoanerDevices = venue.LoanerDevices, HasWifi = venue.HasWifi, Rooms = VenueDraft.RoomLines(venue.Rooms.OrderBy(r => r.Name)),
            PostalCode = venue.Location.PostalCode, Prefecture = venue.Location.Prefecture, Municipality = venue.Location.Municipality,
            Town = venue.Location.Town, Block = venue.Location.Block, Building = venue.Location.Building,
            Latitude = venue.Location.Latitude?.ToString(CultureInfo.InvariantCulture), Longitude = venue.Location.Longitude?.ToString(CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        VenueId = id;
        if (id is not null && !await db.Venues.AnyAsync(v => v.Id == id, ct)) return NotFound();
        var latitude = Degrees(Input.Latitude, nameof(Input.Latitude), "緯度は数字で入力してください（例: 36.3947）。");
        var longitude = Degrees(Input.Longitude, nameof(Input.Longitude), "経度は数字で入力してください（例: 139.2833）。");
        if (!ModelState.IsValid) return Page();
        var postalCode = Trimmed(Input.PostalCode);
        var location = new VenueLocation
        {
            PostalCode = VenueLocation.NormalizePostalCode(postalCode) ?? postalCode, Prefecture = Trimmed(Input.Prefecture), Municipality = Trimmed(Input.Municipality),
            Town = Trimmed(Input.Town), Block = Trimmed(Input.Block), Building = Trimmed(Input.Building), Latitude = latitude, Longitude = longitude,
        };
        var draft = new VenueDraft(Input.Name!.Trim(), Input.Address!.Trim(), Trimmed(Input.Access), Trimmed(Input.BarrierFreeNotes), Trimmed(Input.Phone),
            Input.LoanerDevices, Input.HasWifi, VenueDraft.RoomsFrom(Input.Rooms), Trimmed(Input.Area),
            Trimmed(Input.NameEn), Trimmed(Input.AccessEn), location);
        if (await venues.SaveAsync(id, draft, ct) is DraftResult.Rejected rejected)
        {
            ModelState.AddProblems(nameof(Input), rejected.Problems);
            return Page();
        }
        TempData["StatusMessage"] = "会場を保存しました。";
        return RedirectToPage("Index");
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A coordinate typed in full-width or half-width digits; an error on the field when it is not a number.</summary>
    private double? Degrees(string? text, string field, string message)
    {
        if (Trimmed(text) is not { } typed) return null;
        if (double.TryParse(typed.Normalize(System.Text.NormalizationForm.FormKC), NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees)
            && double.IsFinite(degrees)) return degrees;
        ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        return null;
    }

    public sealed class VenueInput
    {
        [Required(ErrorMessage = "会場名を入力してください。"), StringLength(100, ErrorMessage = "会場名は100文字以内で入力してください。"), PlainText]
        [Display(Name = "会場名")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "住所を入力してください。"), StringLength(200, ErrorMessage = "住所は200文字以内で入力してください。"), PlainText]
        [Display(Name = "住所")]
        public string? Address { get; set; }

        [StringLength(100, ErrorMessage = "英語の会場名は100文字以内で入力してください。"), PlainText]
        [Display(Name = "会場名（英語・任意）")]
        public string? NameEn { get; set; }

        [StringLength(500, ErrorMessage = "英語の交通案内は500文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "交通案内（英語・任意）")]
        public string? AccessEn { get; set; }

        [StringLength(Venue.MaxAreaLength, ErrorMessage = "地区は30文字以内で入力してください。"), PlainText]
        [Display(Name = "地区（例: 中央地区）")]
        public string? Area { get; set; }

        [StringLength(500, ErrorMessage = "交通案内は500文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "交通案内（駅・バス・駐車場）")]
        public string? Access { get; set; }

        [StringLength(500, ErrorMessage = "バリアフリーの案内は500文字以内で入力してください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "バリアフリーの案内（段差・エレベーター・トイレ）")]
        public string? BarrierFreeNotes { get; set; }

        [StringLength(20, ErrorMessage = "電話番号が長すぎます。"), PlainText]
        [Display(Name = "当日の連絡先（電話）")]
        public string? Phone { get; set; }

        [Range(0, 100, ErrorMessage = "貸出端末は0〜100台で入力してください。")]
        [Display(Name = "貸出端末（台）")]
        public int LoanerDevices { get; set; }

        [Display(Name = "Wi-Fiあり")]
        public bool HasWifi { get; set; }

        [StringLength(10, ErrorMessage = "郵便番号は7けたの数字で入力してください（例: 376-0101）。"), PlainText]
        [Display(Name = "郵便番号")]
        public string? PostalCode { get; set; }

        [StringLength(VenueLocation.MaxPartLength, ErrorMessage = "都道府県は50文字以内で入力してください。"), PlainText]
        [Display(Name = "都道府県")]
        public string? Prefecture { get; set; }

        [StringLength(VenueLocation.MaxPartLength, ErrorMessage = "市区町村は50文字以内で入力してください。"), PlainText]
        [Display(Name = "市区町村")]
        public string? Municipality { get; set; }

        [StringLength(VenueLocation.MaxPartLength, ErrorMessage = "町名は50文字以内で入力してください。"), PlainText]
        [Display(Name = "町名")]
        public string? Town { get; set; }

        [StringLength(VenueLocation.MaxPartLength, ErrorMessage = "丁目・番地は50文字以内で入力してください。"), PlainText]
        [Display(Name = "丁目・番地")]
        public string? Block { get; set; }

        [StringLength(VenueLocation.MaxPartLength, ErrorMessage = "建物名は50文字以内で入力してください。"), PlainText]
        [Display(Name = "建物名")]
        public string? Building { get; set; }

        [StringLength(20, ErrorMessage = "緯度は数字で入力してください（例: 36.3947）。"), PlainText]
        [Display(Name = "緯度")]
        public string? Latitude { get; set; }

        [StringLength(20, ErrorMessage = "経度は数字で入力してください（例: 139.2833）。"), PlainText]
        [Display(Name = "経度")]
        public string? Longitude { get; set; }

        /// <summary>One room per line, the seats last: 「講座室A 12」.</summary>
        [StringLength(1000, ErrorMessage = "部屋は全部で1000文字以内にしてください。"), PlainText(AllowLineBreaks = true)]
        [Display(Name = "部屋と席数（1行に1室）")]
        public string? Rooms { get; set; }
    }
}
