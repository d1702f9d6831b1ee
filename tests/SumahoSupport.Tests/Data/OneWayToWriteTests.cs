using System.Text.RegularExpressions;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Data;

/// <summary>
/// Every write goes through the unit of work (docs/ARCHITECTURE.md, "Writes"): outside the few places listed here, no
/// source file of the app saves, updates or deletes rows or opens a transaction on its own. A write that bypasses the
/// unit fails this test by its file and line.
/// </summary>
public sealed partial class OneWayToWriteTests
{
    /// <summary>Where writing without a unit is the point, each with the reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["src/SumahoSupport.Core/Data/UnitOfWork.cs"] = "the unit itself",
        ["src/SumahoSupport.Core/Data/AppDbContext.cs"] = "refuses changed audit entries on every save",
        ["src/SumahoSupport.Core/Seeding/SeedLoader.cs"] = "reference and demo data at start-up, under a named lock, before any request",
        ["src/SumahoSupport.Core/Data/DatabaseLocks.cs"] = "named locks: statements that take or release a lock and write no row",
        ["src/SumahoSupport.Core/Data/LockTimeouts.cs"] = "lock time-outs: a unit's (SQL Server), and the one a migration or the seeding lock lifts — settings, not rows",
        ["src/SumahoSupport.Core/Data/DatabaseInitializer.cs"] = "the SQLite file's journal mode and its backup before migrations, at start-up",
        ["src/SumahoSupport.Core/Notifications/OutboxDispatcher.cs"] =
            "the sender's own bookkeeping (claim, sent, retry, release): each one conditional statement on rows a unit wrote",
    };

    [GeneratedRegex(@"\.(SaveChanges|SaveChangesAsync|ExecuteUpdate|ExecuteUpdateAsync|ExecuteDelete|ExecuteDeleteAsync|ExecuteSql|ExecuteSqlAsync|ExecuteSqlRaw|ExecuteSqlRawAsync|BeginTransaction|BeginTransactionAsync)\s*\(")]
    private static partial Regex WriteCall();

    [Fact]
    public void NoSourceFile_WritesOutsideTheUnitOfWork()
    {
        var root = RepositoryRoot.Path;
        var found = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !f.StartsWith("src/SumahoSupport.Migrations.", StringComparison.Ordinal) && !Allowed.ContainsKey(f))
            .SelectMany(f => File.ReadLines(Path.Combine(root, f)).Select((line, i) => (File: f, Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && WriteCall().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(found.Count == 0, "Writes outside UnitOfWork.RunAsync (use the Unit it gives: SaveAsync, UpdateAsync, DeleteAsync):\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheScan_SeesTheSourceTree()
    {
        // A scan of the wrong folder would pass for nothing: it must see the unit and the services that use it.
        var unit = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/SumahoSupport.Core/Data/UnitOfWork.cs"));
        Assert.Matches(WriteCall(), unit);
        Assert.Contains("work.RunAsync", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/SumahoSupport.Core/Bookings/BookingService.cs")), StringComparison.Ordinal);
    }
}
