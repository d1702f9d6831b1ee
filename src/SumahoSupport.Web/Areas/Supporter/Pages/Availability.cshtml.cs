using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Supporters;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Pages.Shared;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Supporter.Pages;

/// <summary>活動できる時間: the weekly pattern and days off, which coordinators see when they staff a class.</summary>
public sealed class AvailabilityModel(AppDbContext db, SupporterService supporters, TimeProvider clock) : PageModel
{
    [BindProperty] public List<string> Slots { get; set; } = [];

    [BindProperty] public DayOffInput DayOff { get; set; } = new();

    public IReadOnlyList<AvailabilityException> DaysOff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } id) return Forbid();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWeeklyAsync(CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } id) return Forbid();
        await supporters.SaveWeeklyAsync(id, WeeklyGrid.Parse(Slots), ct);
        TempData["StatusMessage"] = "活動できる時間を保存しました。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddDayOffAsync(CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } id) return Forbid();
        if (DayOff.Date is null) ModelState.AddModelError("DayOff.Date", "休む日を入力してください。");
        if (ModelState.IsValid)
        {
            var result = await supporters.AddDayOffAsync(id, DayOff.Date!.Value, string.IsNullOrWhiteSpace(DayOff.Note) ? null : DayOff.Note.Trim(), ct);
            if (result == DayOffResult.Added)
            {
                TempData["StatusMessage"] = $"{JapaneseTime.FormatDate(JapaneseTime.ToUtc(DayOff.Date.Value.ToDateTime(TimeOnly.MinValue)), withYear: true)}を休みにしました。";
                return RedirectToPage();
            }
            ModelState.AddModelError("DayOff.Date", result switch
            {
                DayOffResult.InThePast => "過ぎた日は休みにできません。今日以降の日を入力してください。",
                DayOffResult.AlreadyOff => "その日はすでに休みになっています。",
                _ => throw new UnreachableException(),
            });
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveDayOffAsync(int dayOffId, CancellationToken ct)
    {
        if (await db.SupporterIdAsync(User, ct) is not { } id) return Forbid();
        await supporters.RemoveDayOffAsync(id, dayOffId, ct);
        TempData["StatusMessage"] = "休みを取り消しました。";
        return RedirectToPage();
    }

    private async Task LoadAsync(int supporterId, CancellationToken ct)
    {
        var weekly = await db.WeeklyAvailability.AsNoTracking().Where(a => a.SupporterId == supporterId)
            .Select(a => new WeeklySlot(a.Weekday, a.StartMinute, a.EndMinute)).ToListAsync(ct);
        Slots = [.. WeeklyGrid.Keys(weekly)];
        var today = JapaneseTime.TodayInTokyo(clock);
        DaysOff = await db.AvailabilityExceptions.AsNoTracking().Where(e => e.SupporterId == supporterId && e.Date >= today)
            .OrderBy(e => e.Date).ToListAsync(ct);
    }

    public sealed class DayOffInput
    {
        [Display(Name = "休む日")]
        public DateOnly? Date { get; set; }

        [StringLength(100, ErrorMessage = "メモは100文字以内で入力してください。"), PlainText]
        [Display(Name = "メモ（任意）")]
        public string? Note { get; set; }
    }
}
