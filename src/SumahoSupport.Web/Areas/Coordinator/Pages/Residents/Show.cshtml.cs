using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Privacy;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Residents;

/// <summary>
/// 本人開示: everything held about one resident — their details, class bookings, consultations, calls, follow-ups and
/// mails — printable, and as a JSON file to hand over. 削除・利用停止: erase them now, by the retention rule.
/// </summary>
public sealed class ShowModel(PersonalDataService personalData) : PageModel
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    [BindProperty(SupportsGet = true)] public int Purpose { get; set; }

    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public ResidentRecord Record { get; private set; } = default!;

    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (Format is not (null or "json")) return BadRequest("形式は json を指定してください。");
        var purpose = IndexModel.Purposes[Math.Clamp(Purpose, 0, IndexModel.Purposes.Count - 1)];
        var record = await personalData.DiscloseAsync(id, Format == "json" ? $"{purpose}（JSON）" : purpose, ct);
        if (record is null) return NotFound();
        if (Format == "json")
        {
            Response.Headers.ContentDisposition = $"attachment; filename=\"resident-{id}.json\"";
            return new ContentResult { Content = JsonSerializer.Serialize(record, Readable), ContentType = "application/json; charset=utf-8" };
        }
        (Id, Record) = (id, record);
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(int id, CancellationToken ct)
    {
        var result = await personalData.EraseAsync(id, IndexModel.Purposes[1], ct);
        if (result == EraseResult.StillBooked)
        {
            var record = await personalData.DiscloseAsync(id, IndexModel.Purposes[1], ct);
            if (record is null) return NotFound();
            (Id, Record) = (id, record);
            ModelState.AddModelError("", "これからの教室や相談の予約が残っています。先に予約を取り消してから削除してください。");
            return Page();
        }
        TempData["StatusMessage"] = result == EraseResult.Erased
            ? "この方の個人情報を削除しました。予約の件数やアンケートの集計は変わりません。"
            : "この方の個人情報は、すでに削除されています。";
        return RedirectToPage("Index");
    }
}
