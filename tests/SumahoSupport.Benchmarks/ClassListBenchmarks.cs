using BenchmarkDotNet.Attributes;
using SumahoSupport.Web.Pages.Classes;

namespace SumahoSupport.Benchmarks;

/// <summary>
/// The public class list (/Classes) as the schedule grows from one year to many. The query filters and orders on the
/// (Status, StartsAtUtc) index and stops at the page size, so the ratio between the sizes should stay near 1.
/// </summary>
[MemoryDiagnoser]
public class ClassListBenchmarks
{
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
    private BenchmarkDatabase database = default!;

    [Params(1_000, 50_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        database = new BenchmarkDatabase();
        database.FillSessions(Sessions, Now);
    }

    [GlobalCleanup]
    public void Cleanup() => database.Dispose();

    [Benchmark]
    public async Task<int> UpcomingClasses()
    {
        await using var db = database.NewContext();
        return (await ClassListItem.UpcomingAsync(db, Now, 200, CancellationToken.None)).Count;
    }
}
