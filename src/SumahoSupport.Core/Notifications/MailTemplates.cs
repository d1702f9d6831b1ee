using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Fluid;
using SumahoSupport.Core.Text;
using Microsoft.Extensions.Options;

namespace SumahoSupport.Core.Notifications;

/// <summary>
/// The Liquid templates in <c>templates/mail/</c>, one per message: a 「件名:」 line (「Subject:」 in English), a line of
/// <c>---</c>, then the text. <c>templates/mail/en/</c> holds the English ones; a message without an English template is
/// sent in Japanese. Read and checked once at start-up: a template that does not parse, or that names a variable the
/// app does not provide (Fluid's strict variables), stops the app with the file and line, rather than sending a
/// half-empty mail to a resident.
/// </summary>
public sealed partial class MailTemplates
{
    public static readonly IReadOnlyList<string> Required =
    [
        "booking-confirmed", "booking-waitlisted", "booking-promoted", "booking-changed", "booking-cancelled", "booking-lapsed", "booking-moved",
        "reminder", "survey-request", "supporter-assignment", "supporter-assignment-cancelled",
        "supporter-approved", "supporter-certified", "supporter-certification-lapsed",
        "consultation-confirmed", "consultation-cancelled", "consultation-reminder", "supporter-consultation", "supporter-consultation-cancelled",
        "survey-follow-up", "staff-invited", "staff-password-reset", "assignment-declined", "consultation-declined",
    ];

    private readonly Dictionary<(string Language, string Name), (IFluidTemplate Subject, IFluidTemplate Body)> templates = [];

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
            templates[(Languages.JapaneseCode, name)] = Load(path, "件名:");
            var english = Path.Combine(directory, Languages.EnglishCode, name + ".liquid");
            if (File.Exists(english)) templates[(Languages.EnglishCode, name)] = Load(english, "Subject:");
        }
    }

    /// <summary>The message in the current language (<see cref="Languages"/>), or in Japanese when it has no English template.</summary>
    public RenderedMail Render(string name, MailModel model)
    {
        var language = templates.ContainsKey((Languages.Current, name)) ? Languages.Current : Languages.JapaneseCode;
        var (subject, body) = templates[(language, name)];
        var title = LiquidText.Render(subject, model.Variables).Trim();
        var text = LiquidText.Render(body, model.Variables).Trim() + "\n";
        return new RenderedMail(title, text, ToHtml(text, language));
    }

    private static (IFluidTemplate Subject, IFluidTemplate Body) Load(string path, string subjectLabel)
    {
        var source = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
        var separator = source.IndexOf("\n---\n", StringComparison.Ordinal);
        if (!source.StartsWith(subjectLabel, StringComparison.Ordinal) || separator < 0)
            throw new InvalidOperationException($"{path}:1: 1行目に「{subjectLabel} …」、次の行に「---」を書いてください。");

        var subject = LiquidText.Parse(path, source, source[..separator][subjectLabel.Length..], lineOffset: 0);
        var body = LiquidText.Parse(path, source, source[(separator + 5)..], lineOffset: LiquidText.LineOf(source, separator + 5) - 1);
        LiquidText.CheckVariables(path, source, [subject, body], MailModel.Sample.Variables);
        return (subject, body);
    }

    /// <summary>
    /// The HTML part says the same as the text part: paragraphs, line breaks and links, everything escaped. A phone number
    /// written as people write it (0267-12-3456) becomes a <c>tel:</c> link, so a phone's mail app dials it with one tap.
    /// </summary>
    private static string ToHtml(string text, string language)
    {
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{language}\"><body style=\"font-size:18px;line-height:1.8\">");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = paragraph.Split('\n').Select(line => LinkOrPhone().Replace(WebUtility.HtmlEncode(line), m => m.Groups["phone"].Success
                ? $"<a href=\"tel:{m.Value.Replace("-", "", StringComparison.Ordinal)}\">{m.Value}</a>"
                : $"<a href=\"{m.Value}\">{m.Value}</a>"));
            html.Append("<p>").Append(string.Join("<br>", lines)).Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"https?://[^\s<>""']+|(?<phone>(?<![\w-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\w-]))")]
    private static partial Regex LinkOrPhone();
}

public sealed record RenderedMail(string Subject, string Text, string Html);
