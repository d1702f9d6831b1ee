using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Areas.Coordinator.Pages.Classes;

/// <summary>The fields of one class session as a coordinator types them, in Tokyo time.</summary>
public class SessionInput
{
    [Required(ErrorMessage = "講座を選んでください。")]
    [Display(Name = "講座")]
    public int? CourseId { get; set; }

    [Required(ErrorMessage = "会場を選んでください。")]
    [Display(Name = "会場")]
    public int? VenueId { get; set; }

    [Required(ErrorMessage = "開催日を入力してください。")]
    [Display(Name = "開催日")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "開始時刻を入力してください。")]
    [Display(Name = "開始時刻")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "終了時刻を入力してください。")]
    [Display(Name = "終了時刻")]
    public TimeOnly? EndTime { get; set; }

    [Range(1, 200, ErrorMessage = "定員は1〜200人で入力してください。")]
    [Display(Name = "定員")]
    public int Capacity { get; set; } = 8;

    [Range(0, 10080, ErrorMessage = "受付の締め切りは、開始の0〜10080分（7日）前で入力してください。")]
    [Display(Name = "受付の締め切り（開始の何分前）")]
    public int CutoffMinutes { get; set; } = 60;

    [Range(0, 100, ErrorMessage = "貸出端末は0〜100台で入力してください。")]
    [Display(Name = "貸出端末の台数")]
    public int LoanerDevices { get; set; }

    [StringLength(500, ErrorMessage = "持ち物・注意事項は500文字以内で入力してください。")]
    [PlainText(AllowLineBreaks = true)]
    [Display(Name = "持ち物・注意事項")]
    public string? Notes { get; set; }

    /// <summary>Maps the schedule service's field names to this form's, for its messages.</summary>
    public static string FieldFor(string draftField) => draftField switch
    {
        nameof(SessionDraft.StartsAtUtc) => nameof(SessionInput.Date),
        nameof(SessionDraft.EndsAtUtc) => nameof(SessionInput.EndTime),
        nameof(SessionDraft.BookingCutoffMinutes) => nameof(SessionInput.CutoffMinutes),
        nameof(SeriesDraft.RecurrenceRule) => "RecurrenceRule",
        _ => draftField,
    };

    /// <summary>The form as it shows a stored session or series: times in Tokyo.</summary>
    public static SessionInput Of(int courseId, int venueId, DateTime startUtc, DateTime endUtc, int capacity, int cutoffMinutes, int loanerDevices, string? notes)
    {
        var start = JapaneseTime.ToTokyo(startUtc);
        return new SessionInput
        {
            CourseId = courseId,
            VenueId = venueId,
            Date = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(JapaneseTime.ToTokyo(endUtc)),
            Capacity = capacity,
            CutoffMinutes = cutoffMinutes,
            LoanerDevices = loanerDevices,
            Notes = notes,
        };
    }

    public SeriesDraft ToSeriesDraft(string rule, bool keepHolidays)
    {
        var minutes = (int)(EndTime!.Value - StartTime!.Value).TotalMinutes;
        return new SeriesDraft(CourseId!.Value, VenueId!.Value, Date!.Value, StartTime.Value, minutes, rule, Capacity,
            CutoffMinutes, LoanerDevices, TrimmedNotes, keepHolidays);
    }

    private string? TrimmedNotes => string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();

    public SessionDraft ToDraft()
    {
        var start = JapaneseTime.ToUtc(Date!.Value.ToDateTime(StartTime!.Value));
        var end = JapaneseTime.ToUtc(Date!.Value.ToDateTime(EndTime!.Value));
        return new SessionDraft(CourseId!.Value, VenueId!.Value, start, end, Capacity, CutoffMinutes, LoanerDevices, TrimmedNotes);
    }
}

/// <summary>Courses and venues to choose from.</summary>
public sealed record ScheduleChoices(IReadOnlyList<SelectListItem> Courses, IReadOnlyList<SelectListItem> Venues)
{
    public static async Task<ScheduleChoices> LoadAsync(AppDbContext db, CancellationToken ct) => new(
        await db.Courses.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Title)
            .Select(c => new SelectListItem(c.Title, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(ct),
        await db.Venues.AsNoTracking().Where(v => v.RetiredAtUtc == null).OrderBy(v => v.Name)
            .Select(v => new SelectListItem(v.Name + "（貸出端末 " + v.LoanerDevices + "台）", v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(ct));
}
