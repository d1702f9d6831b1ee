using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Pages.Shared;

/// <summary>A page with the 相談記録 form: the supporter's own, and the coordinator's on a supporter's behalf.</summary>
public interface ISupportLogForm
{
    SupportLogInput Input { get; }

    /// <summary>No booking: the form asks how and where the consultation was held.</summary>
    bool IsWalkIn { get; }

    IReadOnlyList<(int Id, string Name)> Venues { get; }

    /// <summary>The note looked like a number; the writer must confirm before it is saved.</summary>
    bool AskAboutDigits { get; }

    /// <summary>The consultation is a 理解度フォロー: the class the resident did not understand, to ask about again.</summary>
    FollowUpAsked? FollowUp { get; }
}

/// <summary>A follow-up consultation's open 理解度フォロー, and the class it is about.</summary>
public sealed record FollowUpAsked(int Id, string ClassTitle)
{
    /// <summary>The arranged follow-up this consultation belongs to, if any.</summary>
    public static async Task<FollowUpAsked?> ForAsync(AppDbContext db, string? bookingCode, CancellationToken ct) =>
        bookingCode is null ? null : await db.SurveyFollowUps.AsNoTracking()
            .Where(f => f.ConsultationBooking != null && f.ConsultationBooking.Code == bookingCode && f.Status == FollowUpStatus.Arranged)
            .Select(f => new FollowUpAsked(f.Id, f.Booking.ClassSession.Course.Title))
            .FirstOrDefaultAsync(ct);

    /// <summary>Keeps the resident's answer as the follow-up's second answer, when one was given.</summary>
    public async Task RecordAsync(SurveyFollowUpService followUps, Understanding? answer, CancellationToken ct)
    {
        if (answer is { } given && Enum.IsDefined(given)) await followUps.RecordSecondAnswerAsync(Id, given, ct);
    }
}

/// <summary>What the 相談記録 form posts, and the checks both pages make before <see cref="SupportLogService"/>.</summary>
public sealed class SupportLogInput
{
    /// <summary>When the consultation was held (Tokyo): the booking's time by default, or now for a walk-in; never ahead.</summary>
    [Display(Name = "相談した日")]
    public DateOnly? HeldDate { get; set; }

    [Display(Name = "時刻")]
    public TimeOnly? HeldTime { get; set; }

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

    /// <summary>For a 理解度フォロー: the resident's answer, after the consultation, about the class they did not understand.</summary>
    [EnumDataType(typeof(Understanding), ErrorMessage = "理解度を選び直してください。")]
    public Understanding? SecondUnderstanding { get; set; }

    /// <summary>Fills in when it was held, unless the writer already has: the booked time, or now (to the five minutes).</summary>
    public void DefaultHeldAt(DateTime? bookedStartUtc, DateTime nowUtc)
    {
        if (HeldDate is not null) return;
        var tokyo = JapaneseTime.ToTokyo(bookedStartUtc ?? nowUtc);
        HeldDate = DateOnly.FromDateTime(tokyo);
        HeldTime = new TimeOnly(tokyo.Hour, tokyo.Minute / 5 * 5);
    }

    public DateTime? HeldAtUtc => HeldDate is { } date && HeldTime is { } time ? JapaneseTime.ToUtc(date.ToDateTime(time)) : null;

    /// <summary>Adds the form's own errors; returns whether the note must be confirmed because of a digit run.</summary>
    public bool Validate(ModelStateDictionary state, bool walkIn, IReadOnlyList<(int Id, string Name)> venues, DateTime nowUtc)
    {
        if (HeldAtUtc is not { } held) state.AddModelError("Input.HeldDate", "相談した日と時刻を入力してください。");
        else if (held > nowUtc) state.AddModelError("Input.HeldDate", "相談した日時に、これから先の日時は入れられません。");
        if (!Topics.Any(t => ConsultationTopics.All.Any(a => a.Code == t))) state.AddModelError("Input.Topics", "相談の内容を1つ以上選んでください。");
        if (ReferredTo is not null && !SupportLogText.Referrals.Contains(ReferredTo)) state.AddModelError("Input.ReferredTo", "紹介先を選び直してください。");
        if (walkIn && Mode == ConsultationMode.AtVenue && !venues.Any(v => v.Id == VenueId)) state.AddModelError("Input.VenueId", "会場を選んでください。");
        if (!SupportLogText.LooksLikeSecretNumber(Note) || NoteHasNoSecrets) return false;
        state.AddModelError("Input.Note", "メモに数字の並びがあります。パスワード・暗証番号・カード番号などは書かないでください。消すか、番号でないことを確かめてチェックを入れてください。");
        return true;
    }

    public SupportLogDraft ToDraft(string? bookingCode) => new(
        bookingCode, Mode, VenueId, Topics, Minutes, Resolution, FollowUpNeeded, ReferredTo, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), HeldAtUtc);

    public static string Refusal(SupportLogResult result) => result switch
    {
        SupportLogResult.NotHeld => "この相談はまだ始まっていないか、キャンセルされています。",
        SupportLogResult.AlreadyRecorded => "この相談はすでに記録されています。",
        SupportLogResult.NotYours => "この相談の担当ではありません。",
        SupportLogResult.InTheFuture => "相談した日時に、これから先の日時は入れられません。",
        _ => throw new UnreachableException(),
    };
}
