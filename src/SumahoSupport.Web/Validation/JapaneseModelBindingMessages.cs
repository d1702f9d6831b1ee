using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace SumahoSupport.Web.Validation;

/// <summary>Model binding's own messages (a number that is not a number, a missing value) in Japanese.</summary>
public static class JapaneseModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"「{field}」の値が正しくありません。");
        messages.SetMissingBindRequiredValueAccessor(field => $"「{field}」を入力してください。");
        messages.SetMissingKeyOrValueAccessor(() => "値を入力してください。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "送信内容が空です。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "値が正しくありません。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "値が正しくありません。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "数字で入力してください。");
        messages.SetUnknownValueIsInvalidAccessor(field => $"「{field}」の値が正しくありません。");
        messages.SetValueIsInvalidAccessor(_ => "値が正しくありません。");
        messages.SetValueMustBeANumberAccessor(field => $"「{field}」は数字で入力してください。");
        messages.SetValueMustNotBeNullAccessor(field => $"「{field}」を入力してください。");
    }
}
