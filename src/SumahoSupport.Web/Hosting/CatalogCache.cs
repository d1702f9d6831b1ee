using SumahoSupport.Core.Text;
using Microsoft.AspNetCore.OutputCaching;
using SumahoSupport.Core.Classes;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// The public class pages (/, /Classes, /Classes/{id}) as residents read them at 9:00, served from memory. An entry is
/// keyed by the query and the <see cref="CatalogVersion"/>: a booking, a cancellation or an edit moves the version before
/// its answer is sent, so a page read after it is rendered anew — never a stale seat count. What changes with the clock
/// alone (a class starts and leaves the list, booking closes) is the page's own to say: it keeps its entry only until then
/// (<see cref="CatalogCache.ChangesAt"/>), so entries expire one by one rather than all at once on a timer. Only anonymous
/// readers share entries; staff see their own pages. (docs/ARCHITECTURE.md, "Performance")
/// </summary>
public sealed class CatalogCachePolicy : IOutputCachePolicy
{
    public const string Name = "catalog";

    /// <summary>
    /// How long a page that names no change of its own is kept: a backstop for a change made outside the app's services
    /// (a database restored, a row fixed by hand).
    /// </summary>
    public static readonly TimeSpan LongestKept = TimeSpan.FromMinutes(10);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = HttpMethods.IsGet(http.Request.Method) && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // No locking: with it, readers who arrive while the first renders wait for that render and share its outcome —
        // and a first reader who gives up (a closed tab during a long lock) hands every waiter its cancellation, a 500.
        // Each reader renders its own answer on a miss; hits are served from memory either way.
        context.AllowLocking = false;
        if (!cacheable) return;
        var version = await http.RequestServices.GetRequiredService<CatalogVersion>().CurrentAsync(cancellation);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["catalog"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The page is drawn for the reader's 文字サイズ and 背景色; one reader's choice must not become everyone's.
        context.CacheVaryByRules.VaryByValues["display"] = DisplaySettings.From(http.Request).Key;
        context.CacheVaryByRules.VaryByValues["language"] = Languages.Current;
        context.ResponseExpirationTimeSpan = LongestKept;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Only a plain page is kept: nothing that sets a cookie or is not a 200.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

public static class CatalogCache
{
    /// <summary>
    /// Says, before the page renders, when what it shows next changes by the clock alone; its cached copy is dropped then.
    /// Null: nothing on it changes by the clock.
    /// </summary>
    public static void ChangesAt(this HttpContext http, DateTime? changesAtUtc)
    {
        var cache = http.Features.Get<IOutputCacheFeature>()?.Context;
        if (cache is null || changesAtUtc is null) return;
        var left = changesAtUtc.Value - http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Called once for each reason a page changes with the clock: the earliest wins.
        if (left <= TimeSpan.Zero) cache.AllowCacheStorage = false;
        else if (left < (cache.ResponseExpirationTimeSpan ?? CatalogCachePolicy.LongestKept)) cache.ResponseExpirationTimeSpan = left;
    }
}

/// <summary>
/// The output cache's store with each entry's end measured on the app's own clock, the one the page used when it named
/// the moment it changes (<see cref="CatalogCache.ChangesAt"/>): the built-in store only knows the machine's clock. The
/// built-in store still holds the bytes and frees them on its own schedule; this one refuses an entry whose moment has
/// passed.
/// </summary>
internal sealed class AppClockOutputCacheStore(IOutputCacheStore stored, TimeProvider clock) : IOutputCacheStore
{
    private const int EndLength = sizeof(long);

    /// <summary>Wraps the store that <c>AddOutputCache</c> registered.</summary>
    public static void Replace(IServiceCollection services)
    {
        var builtIn = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        var create = builtIn.ImplementationFactory
            ?? throw new InvalidOperationException("AddOutputCache no longer registers its store by a factory; wrap it another way.");
        services.Remove(builtIn);
        services.AddSingleton<IOutputCacheStore>(sp => new AppClockOutputCacheStore((IOutputCacheStore)create(sp), sp.GetRequiredService<TimeProvider>()));
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => stored.EvictByTagAsync(tag, cancellationToken);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var entry = await stored.GetAsync(key, cancellationToken);
        if (entry is null || entry.Length < EndLength) return null;
        var endsAtTicks = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(entry);
        return clock.GetUtcNow().UtcTicks < endsAtTicks ? entry[EndLength..] : null;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var entry = new byte[EndLength + value.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(entry, (clock.GetUtcNow() + validFor).UtcTicks);
        value.CopyTo(entry, EndLength);
        return stored.SetAsync(key, entry, tags, validFor, cancellationToken);
    }
}
