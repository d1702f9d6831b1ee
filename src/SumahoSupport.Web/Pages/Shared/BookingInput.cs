using System.ComponentModel.DataAnnotations;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Text;
using SumahoSupport.Web.Validation;

namespace SumahoSupport.Web.Pages.Shared;

/// <summary>
/// A resident's details as typed on the booking form, by the resident or by staff on the phone. The rules are the
/// ones a person can read next to each field; normalisation (NFKC, phone digits, hiragana) happens once, in
/// <see cref="ToRequest"/>.
/// </summary>
public sealed class BookingInput : IValidatableObject
{
    /// <summary>
    /// The phone choices as residents read them. A class lends a phone to whoever has none; a consultation is about one's
    /// own phone, so there the third choice also covers 「わからない」.
    /// </summary>
    public static IReadOnlyList<(DeviceType Value, string Label)> DeviceChoices(bool forConsultation) =>
    [
        (DeviceType.Android, "Android（アンドロイド）"),
        (DeviceType.IPhone, "iPhone（アイフォーン）"),
        (DeviceType.None, forConsultation ? "持っていない・わからない" : "持っていない（貸出用のスマホを希望）"),
    ];

    [Required(ErrorMessage = "お名前を入力してください。")]
    [StringLength(50, ErrorMessage = "お名前は50文字以内で入力してください。")]
    [PlainText]
    [Display(Name = "お名前")]
    public string? Name { get; set; }

    [RequiredInJapanese(ErrorMessage = "ふりがなを入力してください。")]
    [StringLength(50, ErrorMessage = "ふりがなは50文字以内で入力してください。")]
    [Kana]
    [Display(Name = "ふりがな")]
    public string? Kana { get; set; }

    [Required(ErrorMessage = "電話番号を入力してください。")]
    [StringLength(30, ErrorMessage = "電話番号が長すぎます。")]
    [JapanesePhone]
    [Display(Name = "電話番号")]
    public string? Phone { get; set; }

    [StringLength(254, ErrorMessage = "メールアドレスが長すぎます。")]
    [EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません（例: taro@example.jp）。")]
    [PlainText]
    [Display(Name = "メールアドレス（お持ちの方のみ）")]
    public string? Email { get; set; }

    [EnumDataType(typeof(AgeBand), ErrorMessage = "年代を選び直してください。")]
    [Display(Name = "年代")]
    public AgeBand AgeBand { get; set; }

    [Required(ErrorMessage = "お使いのスマホを選んでください。")]
    [EnumDataType(typeof(DeviceType), ErrorMessage = "お使いのスマホを選び直してください。")]
    [Display(Name = "お使いのスマホ")]
    public DeviceType? Device { get; set; }

    /// <summary>ご連絡の方法; unchosen, mail when an address is given, else a coordinator's call.</summary>
    [EnumDataType(typeof(ContactPreference), ErrorMessage = "ご連絡の方法を選び直してください。")]
    [Display(Name = "ご連絡の方法")]
    public ContactPreference? Contact { get; set; }

    [Display(Name = "配慮が必要なこと")]
    public List<string> NeedChoices { get; set; } = [];

    [StringLength(200, ErrorMessage = "配慮が必要なことは200文字以内で入力してください。")]
    [PlainText(AllowLineBreaks = true)]
    [Display(Name = "その他の配慮（自由記入）")]
    public string? NeedsOther { get; set; }

    /// <summary>Choices offered as checkboxes; anything else posted is ignored.</summary>
    public static readonly IReadOnlyList<string> NeedOptions = ["耳が聞こえにくい", "目が見えにくい", "車いすを使用", "筆談を希望", "手話通訳を希望"];

    public static readonly IReadOnlyList<(AgeBand Value, string Label)> AgeChoices =
    [
        (AgeBand.Unknown, "答えない"), (AgeBand.Under60, "59歳以下"), (AgeBand.Sixties, "60代"), (AgeBand.Seventies, "70代"),
        (AgeBand.Eighties, "80代"), (AgeBand.NinetiesOrOver, "90歳以上"),
    ];

    /// <summary>The phone as it will be dialled (090-1234-5678), for the resident to check before booking.</summary>
    public string FormattedPhone => PhoneNumber.Normalize(Phone) is { } digits ? PhoneNumber.Format(digits) : Phone ?? "";

    public string DeviceLabel(bool forConsultation) =>
        DeviceChoices(forConsultation).FirstOrDefault(c => c.Value == Device).Label ?? "";

    /// <summary>The ticked needs in the reader's language, then the resident's own words; null when there are none.</summary>
    public string? NeedsInWords(Func<string, string> localize)
    {
        var words = NeedChoices.Where(NeedOptions.Contains).Distinct(StringComparer.Ordinal).Select(localize).ToList();
        if (!string.IsNullOrWhiteSpace(NeedsOther)) words.Add(NeedsOther.Trim());
        return words.Count == 0 ? null : string.Join(localize("、"), words);
    }

    /// <summary>NFKC can lengthen text (「㍻」 becomes 「平成」), so the stored form is measured too.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Name is not null && NormalizedName(Name).Length > 50)
            yield return new ValidationResult("お名前は50文字以内で入力してください。", [nameof(Name)]);
        if (Kana is not null && Core.Text.Kana.Normalize(Kana) is { Length: > 50 })
            yield return new ValidationResult("ふりがなは50文字以内で入力してください。", [nameof(Kana)]);
        if (Contact is not { } contact) yield break;
        var channels = validationContext.GetService(typeof(Core.Messaging.ResidentChannels)) as Core.Messaging.ResidentChannels;
        if (channels is not null && !channels.Offers(contact))
            yield return new ValidationResult("ご連絡の方法を選び直してください。", [nameof(Contact)]);
        else if (contact == ContactPreference.Email && string.IsNullOrWhiteSpace(Email))
            yield return new ValidationResult("メールでのご連絡には、メールアドレスを入力してください。ない方はほかの方法を選んでください。", [nameof(Contact)]);
        else if (contact == ContactPreference.Sms && PhoneNumber.Normalize(Phone) is { } digits && !Core.Messaging.ResidentChannels.IsMobile(digits))
            yield return new ValidationResult("ショートメールは携帯電話（070・080・090）にお送りします。番号をお確かめいただくか、ほかの方法を選んでください。", [nameof(Contact)]);
    }

    private static string NormalizedName(string name) => name.Normalize(System.Text.NormalizationForm.FormKC).Trim();

    public BookingRequest ToRequest(BookingChannel channel)
    {
        var needs = NeedChoices.Where(NeedOptions.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (!string.IsNullOrWhiteSpace(NeedsOther)) needs.Add(NeedsOther.Trim());
        return new BookingRequest(
            Name: NormalizedName(Name!),
            Kana: Core.Text.Kana.ReadingOrName(Kana, NormalizedName(Name!)),
            Phone: PhoneNumber.Normalize(Phone) ?? throw new InvalidOperationException("validated"),
            Email: string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
            AgeBand: AgeBand,
            Device: Device ?? DeviceType.None,
            Needs: needs.Count == 0 ? null : string.Join("、", needs),
            Channel: channel,
            Language: Languages.Current,
            Contact: Contact);
    }
}
