using SumahoSupport.Core.Data;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Core.Consultations;

/// <summary>相談予約: one resident's slot with one supporter.</summary>
public sealed class ConsultationBooking : IHasId
{
    public int Id { get; set; }

    /// <summary>予約番号, same alphabet as class bookings, e.g. <c>K7M-4PX</c>.</summary>
    public required string Code { get; set; }

    /// <summary>Secret (≥128 bits) in the manage link.</summary>
    public required string ManageToken { get; set; }

    public int ConsultationScheduleId { get; set; }
    public ConsultationSchedule Schedule { get; set; } = default!;
    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }

    /// <summary>Which of the schedule's parallel places (1…Parallel) this booking holds; unique while active.</summary>
    public int Seat { get; set; }

    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = default!;

    /// <summary>The supporter who will help; unique per start time while active, so no supporter is booked twice.</summary>
    public int? SupporterId { get; set; }
    public Supporter? Supporter { get; set; }

    public ConsultationStatus Status { get; set; }
    public BookingChannel Channel { get; set; }

    /// <summary>
    /// The language the booking was made in (<see cref="Text.Languages"/> code, "ja" or "en"): every later mail, invitation,
    /// call-list script and slip to this resident is written in it.
    /// </summary>
    public string Language { get; set; } = Text.Languages.JapaneseCode;

    /// <summary>Topic codes from <see cref="ConsultationTopics"/>, comma-separated.</summary>
    public required string Topics { get; set; }

    /// <summary>What the resident wrote about their trouble, in their words.</summary>
    public string? Request { get; set; }

    public DeviceType Device { get; set; }

    /// <summary>Changes of the resident's invitation, for its SEQUENCE.</summary>
    public int Sequence { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime StatusChangedAtUtc { get; set; }

    /// <summary>When the day-before reminder (mail or call) was claimed; set once.</summary>
    public DateTime? RemindedAtUtc { get; set; }
}

public enum ConsultationStatus
{
    Confirmed = 0,
    Cancelled = 2,
    Attended = 3,
    NoShow = 4,
}

/// <summary>The topic chips residents pick from; codes are stored, labels shown.</summary>
public static class ConsultationTopics
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("line", "LINE"), ("photos", "写真"), ("typing", "文字入力"), ("payment", "決済・QRコード"),
        ("mynumber-card", "マイナンバーカード"), ("mynaportal", "マイナポータル"), ("disaster", "防災アプリ"),
        ("scam", "迷惑メール・詐欺"), ("settings", "設定"), ("other", "その他"),
    ];

    public static string Label(string code) => All.FirstOrDefault(t => t.Code == code).Label ?? code;

    public static IReadOnlyList<string> Parse(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Labels(string stored) => Labels(stored, text => text);

    /// <summary>「LINE・写真」 in the reader's language: <paramref name="translate"/> looks up each Japanese label and the separator.</summary>
    public static string Labels(string stored, Func<string, string> translate) =>
        string.Join(translate("・"), Parse(stored).Select(code => translate(Label(code))));
}
