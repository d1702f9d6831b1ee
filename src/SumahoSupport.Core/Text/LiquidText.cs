using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;

namespace SumahoSupport.Core.Text;

/// <summary>
/// Liquid (Fluid) templates kept as files a city edits without recompiling — every mail, the privacy notice. Parsed and
/// checked once at start-up: a mistake stops the app with the file and line, and a variable the app does not provide is
/// an error (strict variables), not an empty hole in what a resident reads.
/// </summary>
public static partial class LiquidText
{
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithStrictVariables(true)
        .WithCultureInfo(CultureInfo.GetCultureInfo("ja-JP"))
        .Build();

    /// <summary>Parses <paramref name="part"/> of the file's <paramref name="source"/>, which starts at line <paramref name="lineOffset"/> + 1.</summary>
    public static IFluidTemplate Parse(string path, string source, string part, int lineOffset)
    {
        if (Parser.TryParse(part, out var template, out var error)) return template;
        var position = ErrorPosition().Match(error);
        var line = position.Success ? lineOffset + int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture) : LineOf(source, 0);
        throw new InvalidOperationException($"{path}:{line}: テンプレートを読めません: {error}");
    }

    public static string Render(IFluidTemplate template, IEnumerable<KeyValuePair<string, object>> variables)
    {
        var context = new TemplateContext(Options, StringComparer.Ordinal);
        foreach (var (name, value) in variables) context.SetValue(name, value);
        return template.Render(context);
    }

    /// <summary>Renders each part with every variable set: one naming a variable the app does not provide fails now.</summary>
    public static void CheckVariables(string path, string source, IEnumerable<IFluidTemplate> parts, IReadOnlyDictionary<string, object> sample)
    {
        try
        {
            foreach (var part in parts) Render(part, sample);
        }
        catch (FluidException e) when (UndefinedVariable().Match(e.Message) is { Success: true } undefined)
        {
            var variable = undefined.Groups["name"].Value;
            var at = Regex.Match(source, $@"\b{Regex.Escape(variable)}\b");
            throw new InvalidOperationException(
                $"{path}:{(at.Success ? LineOf(source, at.Index) : 1)}: テンプレートの変数 {{{{ {variable} }}}} はありません。使える変数: {string.Join(", ", sample.Keys)}", e);
        }
    }

    public static int LineOf(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"Undefined variable '(?<name>[^']+)'")]
    private static partial Regex UndefinedVariable();

    /// <summary>Fluid reports where a template stops parsing as (line:column).</summary>
    [GeneratedRegex(@"\((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex ErrorPosition();
}
