using Microsoft.AspNetCore.Razor.TagHelpers;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.TagHelpers;

/// <summary>
/// <c>&lt;phone-link number="0120-000-000" /&gt;</c>: a phone number a resident can press on a phone to call — a
/// <c>tel:</c> link whose text is the number written as Japanese people write it (090-1234-5678). A number that cannot
/// be read is shown as text, never as a link that dials something else.
/// </summary>
[HtmlTargetElement("phone-link", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PhoneLinkTagHelper : TagHelper
{
    public string? Number { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var digits = PhoneNumber.Normalize(Number);
        if (digits is null)
        {
            output.TagName = null;
            output.Content.SetContent(Number ?? "");
            return;
        }
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("href", "tel:" + digits);
        output.Content.SetContent(PhoneNumber.Format(digits));
    }
}
