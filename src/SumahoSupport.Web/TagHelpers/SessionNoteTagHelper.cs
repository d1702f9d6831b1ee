using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SumahoSupport.Core;
using SumahoSupport.Web.Security;

namespace SumahoSupport.Web.TagHelpers;

/// <summary>
/// Every form a signed-in person fills in (a <c>form</c> of class <c>form</c>, posted) says how long the sign-in lasts
/// without use and what happens to what is typed (WCAG 2.2.6): the note is written here, once, not on each page.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class SessionNoteTagHelper(IOptions<SecurityOptions> security, IStringLocalizer<SharedResource> text) : TagHelper
{
    [HtmlAttributeNotBound, ViewContext] public ViewContext ViewContext { get; set; } = default!;

    // After the framework's form tag helper, which writes the action and the antiforgery token.
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.HttpContext.User.Identity?.IsAuthenticated != true) return;
        if (!string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase)) return;
        var classes = output.Attributes["class"]?.Value?.ToString()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (!classes.Contains("form")) return;
        var note = new TagBuilder("p");
        note.AddCssClass("hint");
        note.AddCssClass("session-note");
        note.InnerHtml.Append(text["ログインは、操作がないまま{0}分で切れます。切れる前にお知らせし、書きかけの内容は、ログインし直すとこの画面に戻ります（送るまでは保存されません）。",
            security.Value.StaffIdleTimeoutMinutes].Value);
        output.PreContent.AppendHtml(note);
    }
}
