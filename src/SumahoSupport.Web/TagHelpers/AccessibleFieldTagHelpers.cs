using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using SumahoSupport.Core;

namespace SumahoSupport.Web.TagHelpers;

/// <summary>
/// Every bound control points at its error text (<c>aria-describedby</c>) and says when it is invalid
/// (<c>aria-invalid</c>), so a screen reader announces the Japanese message with the field.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaInvalidTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = default!;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    // After the framework's own helpers have set the name and id.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // A hidden field is never read out, and HTML forbids aria-* on it.
        if (output.Attributes.TryGetAttribute("type", out var type) && string.Equals(type.Value?.ToString(), "hidden", StringComparison.OrdinalIgnoreCase)) return;
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var errorId = FieldError.IdFor(name);
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} {errorId}" : errorId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
        if (ViewContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
            output.Attributes.SetAttribute("aria-invalid", "true");
    }
}

/// <summary>
/// <c>&lt;field-error for="Capacity" /&gt;</c>: the field's first error, with the id its control refers to; it also notes
/// where the field stands on the page, which orders the error summary (<see cref="ErrorSummaryTagHelper"/>).
/// </summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldError(IStringLocalizer<SharedResource> text) : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public static string IdFor(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        FieldsOnThePage.Of(ViewContext.HttpContext).Add(name);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", IdFor(name));
        var message = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
        // Page models write their messages in Japanese; the reader sees them in their language.
        output.Content.SetContent(message is null ? "" : text[message]);
    }
}
