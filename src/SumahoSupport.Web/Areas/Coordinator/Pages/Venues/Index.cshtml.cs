using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Venues;

/// <summary>会場: every venue, in use first, with what a coordinator needs to choose one; retire and reinstate here.</summary>
public sealed class IndexModel(AppDbContext db, VenueService venues, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Venues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Venues = await db.Venues.AsNoTracking()
            .OrderBy(v => v.RetiredAtUtc != null).ThenBy(v => v.Name)
            .Select(v => new Row(v.Id, v.Name, v.Address, v.Phone, v.LoanerDevices, v.HasWifi, v.RetiredAtUtc != null,
                v.Rooms.OrderBy(r => r.Name).Select(r => r.Name + " " + r.Seats + "席").ToList(),
                db.ClassSessions.Count(s => s.VenueId == v.Id && s.Status == ClassSessionStatus.Scheduled && s.EndsAtUtc > now)))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken ct)
    {
        if (await venues.RetireAsync(id, ct) is DraftResult.Rejected rejected)
        {
            foreach (var problem in rejected.Problems) ModelState.AddModelError("", problem.Message);
            await OnGetAsync(ct);
            return Page();
        }
        TempData["StatusMessage"] = "会場の使用を終了しました。教室や相談の日程を作るときに選べなくなります。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReinstateAsync(int id, CancellationToken ct)
    {
        await venues.ReinstateAsync(id, ct);
        TempData["StatusMessage"] = "会場の使用を再開しました。";
        return RedirectToPage();
    }

    public sealed record Row(
        int Id, string Name, string Address, string? Phone, int LoanerDevices, bool HasWifi, bool Retired, IReadOnlyList<string> Rooms, int ComingClasses);
}
