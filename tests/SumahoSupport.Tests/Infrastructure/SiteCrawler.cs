using System.Net;
using AngleSharp.Html.Parser;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>Follows a site's own links the way a visitor could, page by page.</summary>
public static class SiteCrawler
{
    /// <summary>Sortable tables and year switches make endless variants of one page; a few of each say enough.</summary>
    private const int VariantsPerPath = 3;

    public const int MaxRequests = 1500;

    /// <summary>
    /// GETs every page reachable from <paramref name="start"/> on the same site (links <paramref name="follow"/> refuses
    /// are not taken) and lists each 404, server error and link without an address with the page it was found on.
    /// </summary>
    public static async Task<(int Visited, List<string> Broken)> CrawlAsync(HttpClient client, IEnumerable<string> start, Func<Uri, bool>? follow = null)
    {
        var parser = new HtmlParser();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var variants = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<(string Url, string From)>(start.Select(s => (s, "(start)")));
        var broken = new List<string>();
        var requests = 0;
        while (queue.TryDequeue(out var next) && requests < MaxRequests)
        {
            if (!seen.Add(next.Url)) continue;
            var path = next.Url.Split('?')[0];
            variants[path] = variants.GetValueOrDefault(path) + 1;
            if (variants[path] > VariantsPerPath) continue;

            requests++;
            using var response = await client.GetAsync(next.Url);
            if (response.StatusCode == HttpStatusCode.NotFound || (int)response.StatusCode >= 500)
            {
                broken.Add($"{next.From} → {next.Url}: {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var here = response.RequestMessage!.RequestUri!;
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var anchor in document.QuerySelectorAll("a[href]"))
            {
                var href = anchor.GetAttribute("href")!;
                // asp-page to a page that does not exist renders an empty address rather than failing.
                if (href.Length == 0) broken.Add($"{here.PathAndQuery}: 「{anchor.TextContent.Trim()}」 has no address");
                if (href.Length == 0 || href.StartsWith('#') || !Uri.TryCreate(here, href, out var target)) continue;
                if (target.Scheme is not ("http" or "https") || target.Authority != here.Authority) continue; // tel:, maps
                if (follow is not null && !follow(target)) continue;
                queue.Enqueue((target.PathAndQuery, here.PathAndQuery));
            }
        }
        return (requests, broken);
    }
}
