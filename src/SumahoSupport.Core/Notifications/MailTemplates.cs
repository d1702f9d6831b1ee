using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DotLiquid;
using DotLiquid.Exceptions;
using Microsoft.Extensions.Options;

namespace SumahoSupport.Core.Notifications;

/// <summary>
/// The Liquid templates in <c>templates/mail/</c>, one per message: a 「件名:」 line, a line of <c>---</c>, then the text.
/// Read and checked once at start-up: a template that does not parse, or that names a variable the app does not
/// provide, stops the app with the file and line, rather than sending a half-empty mail to a resident.
/// </summary>
public sealed partial class MailTemplates
{
    public static readonly IReadOnlyList<string> Required =
    [
        "booking-confirmed", "booking-waitlisted", "booking-promoted", "booking-changed", "booking-cancelled",
        "reminder", "survey-request", "supporter-assignment", "supporter-assignment-cancelled",
        "supporter-approved", "supporter-certified", "supporter-certification-lapsed",
        "consultation-confirmed", "consultation-cancelled", "consultation-reminder", "supporter-consultation", "supporter-consultation-cancelled",
        "survey-follow-up",
    ];

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private readonly Dictionary<string, (Template Subject, Template Body)> templates = new(StringComparer.Ordinal);

    public MailTemplates(IOptions<MailOptions> options)
        : this(options.Value.ResolveTemplateDirectory())
    {
    }

    public MailTemplates(string directory)
    {
        foreach (var name in Required)
        {
            var path = Path.Combine(directory, name + ".liquid");
            if (!File.Exists(path)) throw new InvalidOperationException($"メールのテンプレート {path} がありません。");
            templates[name] = Load(path);
        }
    }

    public RenderedMail Render(string name, MailModel model)
    {
        var (subject, body) = templates[name];
        var variables = Hash.FromDictionary(model.Variables);
        var title = RenderText(subject, variables).Trim();
        var text = RenderText(body, variables).Trim() + "\n";
        return new RenderedMail(title, text, ToHtml(text));
    }

    private static (Template Subject, Template Body) Load(string path)
    {
        var source = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
        var separator = source.IndexOf("\n---\n", StringComparison.Ordinal);
        if (!source.StartsWith("件名:", StringComparison.Ordinal) || separator < 0)
            throw new InvalidOperationException($"{path}:1: 1行目に「件名: …」、次の行に「---」を書いてください。");

        foreach (Match match in VariableUse().Matches(source))
        {
            var variable = match.Groups["name"].Value;
            if (!MailModel.Names.Contains(variable) && !LiquidWords.Contains(variable))
                throw new InvalidOperationException($"{path}:{LineOf(source, match.Index)}: テンプレートの変数 {{{{ {variable} }}}} はありません。使える変数: {string.Join(", ", MailModel.Names)}");
        }

        try
        {
            var subject = Template.Parse(source[..separator]["件名:".Length..]);
            var body = Template.Parse(source[(separator + 5)..]);
            subject.MakeThreadSafe();
            body.MakeThreadSafe();
            // Render once with every variable set, so a template that fails at run time fails now.
            var sample = Hash.FromDictionary(MailModel.Sample.Variables);
            RenderText(subject, sample);
            RenderText(body, sample);
            return (subject, body);
        }
        catch (LiquidException e)
        {
            throw new InvalidOperationException($"{path}:{LineOfError(source, e.Message)}: テンプレートを読めません: {e.Message}", e);
        }
    }

    private static string RenderText(Template template, Hash variables) =>
        template.Render(new RenderParameters(Japanese) { LocalVariables = variables, ErrorsOutputMode = ErrorsOutputMode.Rethrow });

    /// <summary>The HTML part says the same as the text part: paragraphs, line breaks and links, everything escaped.</summary>
    private static string ToHtml(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"ja\"><body style=\"font-size:18px;line-height:1.8\">");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = paragraph.Split('\n').Select(line => Link().Replace(WebUtility.HtmlEncode(line), m => $"<a href=\"{m.Value}\">{m.Value}</a>"));
            html.Append("<p>").Append(string.Join("<br>", lines)).Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static int LineOf(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    private static int LineOfError(string source, string message)
    {
        var quoted = QuotedFragment().Match(message);
        var at = quoted.Success ? source.IndexOf(quoted.Groups[1].Value, StringComparison.Ordinal) : -1;
        return at < 0 ? 1 : LineOf(source, at);
    }

    private static readonly HashSet<string> LiquidWords = ["and", "or", "not", "contains", "true", "false", "nil", "null", "empty", "blank"];

    /// <summary>The first name in an output ({{ x | filter }}) or a condition ({% if x … %}).</summary>
    [GeneratedRegex(@"(?:\{\{-?\s*|\{%-?\s*(?:if|elsif|unless)\s+)(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableUse();

    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex Link();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedFragment();
}

public sealed record RenderedMail(string Subject, string Text, string Html);
