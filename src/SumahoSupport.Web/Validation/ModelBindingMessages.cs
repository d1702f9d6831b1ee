using SumahoSupport.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace SumahoSupport.Web.Validation;

/// <summary>
/// Model binding's own messages (a number that is not a number, a missing value), written in Japanese and looked up in
/// the reader's language each time one is shown.
/// </summary>
public static class ModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages, IStringLocalizer<SharedResource> text)
    {
        messages.SetAttemptedValueIsInvalidAccessor((_, field) => text["「{0}」の値が正しくありません。", field]);
        messages.SetMissingBindRequiredValueAccessor(field => text["「{0}」を入力してください。", field]);
        messages.SetMissingKeyOrValueAccessor(() => text["値を入力してください。"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["送信内容が空です。"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["値が正しくありません。"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["値が正しくありません。"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["数字で入力してください。"]);
        messages.SetUnknownValueIsInvalidAccessor(field => text["「{0}」の値が正しくありません。", field]);
        messages.SetValueIsInvalidAccessor(_ => text["値が正しくありません。"]);
        messages.SetValueMustBeANumberAccessor(field => text["「{0}」は数字で入力してください。", field]);
        messages.SetValueMustNotBeNullAccessor(field => text["「{0}」を入力してください。", field]);
    }
}
