using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SumahoSupport.Core.OpenData;
using SumahoSupport.Web.Hosting;

namespace SumahoSupport.Web.Pages.OpenData;

/// <summary>The open data files as downloaded: UTF-8 CSV, readable from any site (CORS), named as the city publishes them.</summary>
internal static class OpenDataResponses
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static FileContentResult Csv(PageModel page, byte[] bytes, string name)
    {
        // Portals and harvesters fetch the files from their own sites.
        page.Response.Headers.AccessControlAllowOrigin = "*";
        return page.File(bytes, ContentType, name);
    }
}

/// <summary>events.csv (イベント一覧): coming classes and consultation days, cached with the class pages.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = CatalogCachePolicy.Name)]
public sealed class EventsModel(EventsFile events) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (bytes, changesAt) = await events.BuildAsync(ct);
        // A class that starts leaves the list: the cached copy goes then.
        HttpContext.ChangesAt(changesAt);
        return OpenDataResponses.Csv(this, bytes, "events.csv");
    }
}

/// <summary>results.csv: the year's figures with every small cell withheld.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = CatalogCachePolicy.Name)]
public sealed class ResultsModel(ResultsFile results) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => OpenDataResponses.Csv(this, await results.BuildAsync(ct), "results.csv");
}
