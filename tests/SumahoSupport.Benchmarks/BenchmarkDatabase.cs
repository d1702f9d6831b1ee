using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Benchmarks;

/// <summary>A migrated SQLite file in the temp folder, filled with a city's worth of classes.</summary>
internal sealed class BenchmarkDatabase : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"sumaho-bench-{Guid.NewGuid():N}.db");

    public DbContextOptions<AppDbContext> Options { get; }

    public string ConnectionString => $"Data Source={path}";

    public BenchmarkDatabase()
    {
        Options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(ConnectionString, sql => sql.MigrationsAssembly("SumahoSupport.Migrations.Sqlite"))
            .Options;
        using var db = NewContext();
        db.Database.Migrate();
    }

    public AppDbContext NewContext() => new(Options);

    /// <summary>Sessions spread over the years before and after <paramref name="now"/>, as a city accumulates them.</summary>
    public (int Course, int Venue) AddCourseAndVenue()
    {
        using var db = NewContext();
        var course = new Course { Code = "bench", Title = "LINEをはじめよう", Summary = "…", Topic = "LINE・SNS", DurationMinutes = 120, DefaultCapacity = 8 };
        var venue = new Venue { Name = "中央公民館", Address = "みどり市中央1-2-3", LoanerDevices = 4 };
        db.AddRange(course, venue);
        db.SaveChanges();
        return (course.Id, venue.Id);
    }

    public void FillSessions(int count, DateTime now)
    {
        var (course, venue) = AddCourseAndVenue();
        using var db = NewContext();
        var random = new Random(20261122);
        for (var batch = 0; batch < count; batch += 5_000)
        {
            for (var i = batch; i < Math.Min(count, batch + 5_000); i++)
            {
                var start = now.AddDays(random.Next(-3 * 365, 365)).Date.AddHours(1);
                db.ClassSessions.Add(new ClassSession
                {
                    CourseId = course, VenueId = venue, StartsAtUtc = start, EndsAtUtc = start.AddHours(2),
                    BookingClosesAtUtc = start.AddHours(-1), Capacity = 8, Confirmed = random.Next(0, 9), CreatedAtUtc = now,
                });
            }
            db.SaveChanges();
            db.ChangeTracker.Clear();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
