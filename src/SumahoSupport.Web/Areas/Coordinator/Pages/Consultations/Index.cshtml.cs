using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Pages.Shared;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Consultations;

/// <summary>スマホ相談: the consultations ahead with their supporters, the schedules, and a form to add a schedule.</summary>
public sealed class IndexModel(AppDbContext db, ConsultationService consultations, TimeProvider clock) : PageModel
{
    [BindProperty] public ScheduleInput Input { get; set; } = new();

    public IReadOnlyList<Upcoming> Bookings { get; private set; } = [];

    public IReadOnlyList<ScheduleRow> Schedules { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Venues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapaneseTime.TodayInTokyo(clock);
        Bookings = await db.ConsultationBookings.AsNoTracking()
            .Where(b => b.EndsAtUtc > now && b.Status != ConsultationStatus.Cancelled)
            .OrderBy(b => b.StartsAtUtc).Take(200)
            .Select(b => new Upcoming(b.Code, b.StartsAtUtc, b.EndsAtUtc, b.Schedule.Mode, b.Schedule.Venue == null ? null : b.Schedule.Venue.Name,
                b.Participant.Name, b.Topics, b.Supporter == null ? null : b.Supporter.Name, b.Channel))
            .ToListAsync(ct);
        Schedules = [.. (await db.ConsultationSchedules.AsNoTracking().Include(s => s.Venue).Where(s => s.LastDate >= today).OrderBy(s => s.FirstDate).ToListAsync(ct))
            .Select(s => new ScheduleRow(s, ConsultationRecurrence.NextDays(s, today, 3)))];
        Venues = await VenueChoices.LoadAsync(db, ct);
        if (Input.FirstDate is null) Input = new ScheduleInput { FirstDate = today, LastDate = today.AddMonths(3) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var draft = new ConsultationScheduleDraft(Input.Mode, Input.VenueId, Input.FirstDate!.Value, Input.LastDate!.Value, Input.Days,
                Input.RecurrenceRule, Input.StartTime!.Value, Input.EndTime!.Value, Input.SlotMinutes, Input.BufferMinutes, Input.Parallel, Input.OpenOnHolidays);
            if (await consultations.AddScheduleAsync(draft, ct) is DraftResult.Rejected rejected) ModelState.AddProblems(nameof(Input), rejected.Problems);
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }
        TempData["StatusMessage"] = "相談の日程を追加しました。";
        return RedirectToPage();
    }

    public sealed record Upcoming(string Code, DateTime StartsAtUtc, DateTime EndsAtUtc, ConsultationMode Mode, string? VenueName, string Name, string Topics, string? SupporterName, Core.Bookings.BookingChannel Channel)
    {
        public string Place => VenueName ?? ConsultationLabels.Mode(Mode);
    }

    public sealed record ScheduleRow(ConsultationSchedule Schedule, IReadOnlyList<DateOnly> NextDays)
    {
        public string Place => Schedule.Venue?.Name ?? ConsultationLabels.Mode(Schedule.Mode);

        /// <summary>「毎週火・木曜」, or the rule as typed.</summary>
        public string Days => Schedule.RecurrenceRule is { } rule
            ? $"繰り返し {rule}"
            : $"毎週{string.Concat(WeeklyGrid.Days.Where(d => (Schedule.Weekdays & (1 << (int)d)) != 0).Select(JapaneseTime.WeekdayLetter))}曜";
    }

    public sealed class ScheduleInput
    {
        [EnumDataType(typeof(ConsultationMode), ErrorMessage = "相談の方法を選び直してください。")]
        public ConsultationMode Mode { get; set; }

        [Display(Name = "会場")]
        public int? VenueId { get; set; }

        [Required(ErrorMessage = "始まりの日を入力してください。"), Display(Name = "始まりの日")]
        public DateOnly? FirstDate { get; set; }

        [Required(ErrorMessage = "終わりの日を入力してください。"), Display(Name = "終わりの日")]
        public DateOnly? LastDate { get; set; }

        public List<DayOfWeek> Days { get; set; } = [];

        /// <summary>An RRULE for what weekdays cannot say (毎月第2火曜); it replaces the weekdays when given.</summary>
        [StringLength(ConsultationRecurrence.MaxLength, ErrorMessage = "繰り返しのルールは200文字以内で入力してください。"), PlainText]
        [Display(Name = "繰り返しのルール（任意）")]
        public string? RecurrenceRule { get; set; }

        [Required(ErrorMessage = "始まりの時刻を入力してください。"), Display(Name = "始まりの時刻")]
        public TimeOnly? StartTime { get; set; }

        [Required(ErrorMessage = "終わりの時刻を入力してください。"), Display(Name = "終わりの時刻")]
        public TimeOnly? EndTime { get; set; }

        [Range(10, 120, ErrorMessage = "1回の時間は10〜120分で入力してください。"), Display(Name = "1回の時間（分）")]
        public int SlotMinutes { get; set; } = 30;

        [Range(0, 60, ErrorMessage = "間の時間は0〜60分で入力してください。"), Display(Name = "次の相談までの間（分）")]
        public int BufferMinutes { get; set; }

        [Range(1, 20, ErrorMessage = "同時に受ける人数は1〜20人で入力してください。"), Display(Name = "同時に受ける人数")]
        public int Parallel { get; set; } = 1;

        public bool OpenOnHolidays { get; set; }
    }
}
