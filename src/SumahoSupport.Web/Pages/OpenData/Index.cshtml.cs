using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SumahoSupport.Core;
using SumahoSupport.Core.OpenData;

namespace SumahoSupport.Web.Pages.OpenData;

/// <summary>オープンデータ: the files the city publishes, their licence, when they change, and what each column means.</summary>
[AllowAnonymous]
public sealed class IndexModel(IOptions<OpenDataOptions> options, IOptions<CityOptions> city, TimeProvider clock) : PageModel
{
    /// <summary>デジタル庁's page of the 自治体標準オープンデータセット, where 「イベント一覧」 is defined.</summary>
    public const string EventsSchema = "https://www.digital.go.jp/resources/open_data/municipal-standard-data-set-test";

    public string Licence => options.Value.Licence;

    public string? CityCode => city.Value.Code;

    public string CityName => city.Value.LocalName;

    public DateTime NowUtc { get; private set; }

    public void OnGet() => NowUtc = clock.GetUtcNow().UtcDateTime;
}
