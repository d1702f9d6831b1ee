using System.Text;
using System.Text.RegularExpressions;

namespace SumahoSupport.Core.Consultations;

/// <summary>
/// 相談記録: what a supporter helped with in one consultation — booked, or a walk-in with no booking. It names no resident,
/// so the city can study what people struggle with without personal data.
/// </summary>
public sealed class SupportLog
{
    public int Id { get; set; }
    public int SupporterId { get; set; }

    /// <summary>The booking it records; null for a walk-in.</summary>
    public int? ConsultationBookingId { get; set; }
    public ConsultationBooking? Booking { get; set; }

    public ConsultationMode Mode { get; set; }
    public int? VenueId { get; set; }
    public DateTime HeldAtUtc { get; set; }
    public int Minutes { get; set; }

    /// <summary>Topic codes from <see cref="ConsultationTopics"/>, comma-separated.</summary>
    public required string Topics { get; set; }

    public Resolution Resolution { get; set; }
    public bool FollowUpNeeded { get; set; }

    /// <summary>紹介先, e.g. 「キャリアショップ」; null when nobody else was needed.</summary>
    public string? ReferredTo { get; set; }

    public string? Note { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When a coordinator closed the follow-up, and who; an open follow-up has <see cref="FollowUpNeeded"/> and no date.</summary>
    public DateTime? FollowUpDoneAtUtc { get; set; }
    public string? FollowUpDoneBy { get; set; }
}

public enum Resolution
{
    Resolved = 0,
    Partly = 1,
    NotResolved = 2,
}

public static partial class SupportLogText
{
    public static readonly IReadOnlyList<string> Referrals = ["キャリアショップ", "市役所窓口", "家族", "消費生活センター", "警察", "その他"];

    /// <summary>
    /// Whether a note holds a run of four or more digits (any width, spaces or hyphens between) — what a PIN, password
    /// or card number looks like. The form then asks the supporter to check before it is saved.
    /// </summary>
    public static bool LooksLikeSecretNumber(string? note) =>
        note is not null && DigitRun().IsMatch(note.Normalize(NormalizationForm.FormKC));

    [GeneratedRegex(@"\d(?:[\s\-]?\d){3,}")]
    private static partial Regex DigitRun();
}
