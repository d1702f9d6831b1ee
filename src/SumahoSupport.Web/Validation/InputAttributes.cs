using System.ComponentModel.DataAnnotations;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Validation;

/// <summary>ふりがな: hiragana or katakana (any width) and spaces.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KanaAttribute : ValidationAttribute
{
    public KanaAttribute() : base("ふりがなは、ひらがなかカタカナで入力してください。")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string s && (s.Length == 0 || Kana.IsValid(s)));
}

/// <summary>
/// Required on Japanese pages only. A resident reading English may not be able to write kana, so there the field is
/// optional and the resident key falls back on the name as written (<see cref="Kana.ReadingOrName"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredInJapaneseAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => Languages.IsEnglish || value is string s && !string.IsNullOrWhiteSpace(s);
}

/// <summary>A Japanese phone number, in whatever width and with whatever separators people type.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JapanesePhoneAttribute : ValidationAttribute
{
    public JapanesePhoneAttribute() : base("電話番号は「090-1234-5678」や「0267-12-3456」のように、市外局番から入力してください。")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string s && (s.Length == 0 || PhoneNumber.Normalize(s) is not null));
}

/// <summary>
/// Text as a person types it: no control characters (line breaks only where <see cref="AllowLineBreaks"/>), and no
/// angle brackets, which no name or note needs and which only ever arrive as markup.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public PlainTextAttribute() : base("{0}に使えない文字（記号 < > や制御文字）が含まれています。")
    {
    }

    public bool AllowLineBreaks { get; init; }

    public override bool IsValid(object? value) =>
        value is not string text || text.All(c => c is not '<' and not '>' && (!char.IsControl(c) || (AllowLineBreaks && c is '\r' or '\n' or '\t')));
}
