using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using SumahoSupport.Core;

namespace SumahoSupport.Web.Validation;

/// <summary>
/// Numbers, dates and times as Japanese keyboards type them: 「８」「２０２６／１２／０１」「１０：００」 are folded
/// with NFKC before parsing, so staff are not told that ８ is not a number. Checkboxes are ticked or not.
/// </summary>
public sealed class WidthInsensitiveBinderProvider : IModelBinderProvider
{
    private static readonly Type[] Supported = [typeof(int), typeof(DateOnly), typeof(TimeOnly)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType == typeof(bool)) return new CheckboxBinder();
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return Supported.Contains(type) ? new WidthInsensitiveBinder(type) : null;
    }
}

/// <summary>
/// A checkbox posts "true" (plus the hidden "false" the tag helper adds) or nothing. Any other value means unticked;
/// the parsed value is what the form shows again, because the checkbox tag helper throws on a non-boolean one.
/// </summary>
internal sealed class CheckboxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var values = context.ValueProvider.GetValue(context.ModelName);
        if (values == ValueProviderResult.None) return Task.CompletedTask;
        var ticked = values.Values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "on", StringComparison.OrdinalIgnoreCase));
        var shown = ticked ? "true" : "false";
        context.ModelState.SetModelValue(context.ModelName, new ValueProviderResult(shown, CultureInfo.InvariantCulture));
        context.Result = ModelBindingResult.Success(ticked);
        return Task.CompletedTask;
    }
}

internal sealed class WidthInsensitiveBinder(Type type) : IModelBinder
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"];
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    public Task BindModelAsync(ModelBindingContext context)
    {
        var values = context.ValueProvider.GetValue(context.ModelName);
        if (values == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, values);

        var raw = values.FirstValue?.Normalize(NormalizationForm.FormKC).Trim();
        if (string.IsNullOrEmpty(raw))
        {
            // Empty is "no value"; [Required] says so in the field's own words.
            if (!context.ModelMetadata.IsReferenceOrNullableType)
                context.ModelState.TryAddModelError(context.ModelName,
                    context.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(context.ModelMetadata.GetDisplayName()));
            return Task.CompletedTask;
        }

        object? parsed = type switch
        {
            _ when type == typeof(int) && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            _ when type == typeof(DateOnly) && DateOnly.TryParseExact(raw, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
            _ when type == typeof(TimeOnly) && TimeOnly.TryParseExact(raw, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) => time,
            _ => null,
        };
        if (parsed is null)
        {
            context.ModelState.TryAddModelError(context.ModelName,
                context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(raw, context.ModelMetadata.GetDisplayName()));
            return Task.CompletedTask;
        }
        if (parsed is DateOnly day && !AcceptedDates.Contains(day))
        {
            // Past these, a filter's "the day after" or a Tokyo-to-UTC conversion leaves DateOnly's range; no date the
            // city works with is near them.
            var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.ModelState.TryAddModelError(context.ModelName, text["「{0}」は{1}年から{2}年までの日付で入力してください。",
                context.ModelMetadata.GetDisplayName(), AcceptedDates.First.Year, AcceptedDates.Last.Year]);
            return Task.CompletedTask;
        }
        context.Result = ModelBindingResult.Success(parsed);
        return Task.CompletedTask;
    }
}

/// <summary>The dates any form or query accepts: every date a query or form takes has a range, so nothing overflows.</summary>
public static class AcceptedDates
{
    public static readonly DateOnly First = new(1900, 1, 1);
    public static readonly DateOnly Last = new(2199, 12, 31);

    public static bool Contains(DateOnly date) => date >= First && date <= Last;
}
