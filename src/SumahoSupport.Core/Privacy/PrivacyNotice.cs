using System.Globalization;
using System.Text;
using Fluid;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Privacy;

/// <summary>One block of the notice: a heading (「## 」 in the file) or a paragraph.</summary>
public sealed record NoticeBlock(bool IsHeading, IReadOnlyList<string> Lines);

/// <summary>
/// プライバシーポリシー (/Privacy): the city words it in a plain text file (<c>templates/privacy.txt</c>, Liquid, like the
/// mails) — a line starting with 「## 」 is a heading, a blank line ends a paragraph — and the page shows it with the
/// city's own settings filled in. The file is read and checked at start-up.
/// </summary>
public sealed class PrivacyNotice
{
    private readonly IFluidTemplate template;

    /// <summary>The notice in English, when the city wrote one beside the Japanese (<c>privacy.en.txt</c>).</summary>
    private readonly IFluidTemplate? english;
    private readonly IOptions<CityOptions> city;
    private readonly IOptions<PrivacyOptions> privacy;

    public PrivacyNotice(IOptions<CityOptions> city, IOptions<PrivacyOptions> privacy)
    {
        (this.city, this.privacy) = (city, privacy);
        var path = privacy.Value.ResolveNoticeFile();
        if (!File.Exists(path)) throw new InvalidOperationException($"プライバシーポリシーのファイル {path} がありません。");
        template = Load(path);
        var englishPath = Path.ChangeExtension(path, ".en" + Path.GetExtension(path));
        english = File.Exists(englishPath) ? Load(englishPath) : null;
    }

    private IFluidTemplate Load(string path)
    {
        var source = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
        var parsed = LiquidText.Parse(path, source, source, lineOffset: 0);
        LiquidText.CheckVariables(path, source, [parsed], Variables());
        return parsed;
    }

    /// <summary>The notice in the reader's language: English where the city wrote it, Japanese otherwise.</summary>
    public IReadOnlyList<NoticeBlock> Blocks()
    {
        var text = LiquidText.Render(Text.Languages.IsEnglish && english is not null ? english : template, Variables());
        return [.. text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(block => block.Split('\n'))
            .Aggregate(new List<NoticeBlock>(), (blocks, line) =>
            {
                if (line.StartsWith("## ", StringComparison.Ordinal)) blocks.Add(new NoticeBlock(true, [line[3..].Trim()]));
                else if (blocks.Count == 0 || blocks[^1].IsHeading) blocks.Add(new NoticeBlock(false, [line]));
                else blocks[^1] = blocks[^1] with { Lines = [.. blocks[^1].Lines, line] };
                return blocks;
            })];
    }

    private Dictionary<string, object> Variables() => new(StringComparer.Ordinal)
    {
        ["city_name"] = city.Value.LocalName,
        ["help_phone"] = city.Value.HelpPhone,
        ["help_hours"] = city.Value.LocalHelpHours,
        ["retention_months"] = privacy.Value.RetentionMonths.ToString(CultureInfo.InvariantCulture),
    };
}
