using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Surveys;
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

    /// <summary>Adds the form's own errors; returns whether the note must be confirmed because of a digit run.</summary>
    public bool Validate(ModelStateDictionary state, bool walkIn, IReadOnlyList<(int Id, string Name)> venues)
    {
        if (!Topics.Any(t => ConsultationTopics.All.Any(a => a.Code == t))) state.AddModelError("Input.Topics", "相談の内容を1つ以上選んでください。");
        if (ReferredTo is not null && !SupportLogText.Referrals.Contains(ReferredTo)) state.AddModelError("Input.ReferredTo", "紹介先を選び直してください。");
        if (walkIn && Mode == ConsultationMode.AtVenue && !venues.Any(v => v.Id == VenueId)) state.AddModelError("Input.VenueId", "会場を選んでください。");
        if (!SupportLogText.LooksLikeSecretNumber(Note) || NoteHasNoSecrets) return false;
        state.AddModelError("Input.Note", "メモに数字の並びがあります。パスワード・暗証番号・カード番号などは書かないでください。消すか、番号でないことを確かめてチェックを入れてください。");
        return true;
    }

    public SupportLogDraft ToDraft(string? bookingCode) => new(
        bookingCode, Mode, VenueId, Topics, Minutes, Resolution, FollowUpNeeded, ReferredTo, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());

    public static string Refusal(SupportLogResult result) => result switch
    {
        SupportLogResult.NotHeld => "この相談はまだ始まっていないか、キャンセルされています。",
        SupportLogResult.AlreadyRecorded => "この相談はすでに記録されています。",
        SupportLogResult.NotYours => "この相談の担当ではありません。",
        _ => throw new UnreachableException(),
    };
}
