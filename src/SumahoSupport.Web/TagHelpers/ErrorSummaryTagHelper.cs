using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using SumahoSupport.Core;

namespace SumahoSupport.Web.TagHelpers;

/// <summary>
/// <c>&lt;error-summary /&gt;</c> at the top of a form: every problem of the form, in the order its fields stand on the
/// page, each a link to its field (the field's id is its name with dots as underscores, as asp-for writes it; radio
/// groups and checkboxes carry that id on their first choice). site.js moves the focus to the field and brings its label
/// into view; without script the link still jumps there. A problem of the whole form, or of a field this page does not
/// show, is plain text. A message a page model wrote in Japanese is shown in the reader's language (SharedResource).
/// </summary>
/// <remarks>
/// The summary stands above the fields but is ordered by them: each <see cref="FieldError"/> notes its field as the page
/// renders (<see cref="FieldsOnThePage"/>), and the summary's markup is written only when the finished page is written out
/// — Razor keeps a page in a buffer until then, and this content is kept there as itself, not as text.
/// </remarks>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<SharedResource> text) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (ViewContext.ModelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        output.Content.SetHtmlContent(new Summary(ViewContext.ModelState, FieldsOnThePage.Of(ViewContext.HttpContext), text));
    }

    private sealed class Summary(ModelStateDictionary modelState, FieldsOnThePage fields, IStringLocalizer text) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var problems = modelState
                .SelectMany(entry => (entry.Value?.Errors ?? []).Select(error => (Field: entry.Key, error.ErrorMessage)))
                .DistinctBy(problem => problem.ErrorMessage)
                .Select(problem => (problem.Field, problem.ErrorMessage, Position: fields.PositionOf(problem.Field)))
                .OrderBy(problem => problem.Position)
                .ToList();

            var list = new TagBuilder("ul");
            list.AddCssClass("error-summary-list");
            foreach (var (field, message, position) in problems)
            {
                var item = new TagBuilder("li");
                if (position < 0) item.InnerHtml.Append(text.GetString(message));
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = "#" + TagBuilder.CreateSanitizedId(field, "_");
                    link.Attributes["data-field"] = field;
                    link.InnerHtml.Append(text.GetString(message));
                    item.InnerHtml.AppendHtml(link);
                }
                list.InnerHtml.AppendHtml(item);
            }

            var title = new TagBuilder("h2");
            title.AddCssClass("error-summary-title");
            title.InnerHtml.Append(text.GetString("入力内容をご確認ください"));
            var summary = new TagBuilder("div");
            summary.AddCssClass("error-summary");
            summary.Attributes["role"] = "alert";
            summary.Attributes["tabindex"] = "-1";
            summary.Attributes["id"] = "error-summary";
            summary.InnerHtml.AppendHtml(title);
            summary.InnerHtml.AppendHtml(list);
            summary.WriteTo(writer, encoder);
        }
    }
}

/// <summary>The fields of this request's page in the order it renders them, as each <see cref="FieldError"/> notes its own.</summary>
public sealed class FieldsOnThePage
{
    private readonly List<string> names = [];

    public static FieldsOnThePage Of(HttpContext http) =>
        (FieldsOnThePage)(http.Items[typeof(FieldsOnThePage)] ??= new FieldsOnThePage());

    public void Add(string name)
    {
        if (!names.Contains(name, StringComparer.Ordinal)) names.Add(name);
    }

    /// <summary>Where <paramref name="name"/> stands among the fields; -1 for the whole form or a field the page does not show.</summary>
    public int PositionOf(string name) => names.IndexOf(name);
}
