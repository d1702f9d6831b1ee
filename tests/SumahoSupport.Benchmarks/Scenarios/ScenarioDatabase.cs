using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Benchmarks.Scenarios;

/// <summary>
/// A database of a scenario's own, migrated by the app's migrations: a SQLite file in the temp folder, or a new database
/// on the PostgreSQL server named by <c>SUMAHO_POSTGRES</c> (dropped afterwards).
/// </summary>
internal sealed class ScenarioDatabase : IDisposable
{
    private readonly string? file;
    private readonly string? serverDatabase;

    private ScenarioDatabase(string provider, string connectionString, string? file, string? serverDatabase)
    {
        (Provider, ConnectionString, this.file, this.serverDatabase) = (provider, connectionString, file, serverDatabase);
        using var db = NewContext();
        db.Database.Migrate();
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static ScenarioDatabase Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sumaho-bench-{Guid.NewGuid():N}.db");
        return new ScenarioDatabase(DatabaseProviders.Sqlite, $"Data Source={path}", path, null);
    }

    /// <summary>Null when no PostgreSQL server is named.</summary>
    public static ScenarioDatabase? PostgreSql()
    {
        var server = Environment.GetEnvironmentVariable("SUMAHO_POSTGRES");
        if (string.IsNullOrEmpty(server)) return null;
        var name = $"sumaho_bench_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        // The pool is Npgsql's default (100), as a city's connection string would leave it.
        return new ScenarioDatabase(DatabaseProviders.PostgreSql, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, name);
    }

    public AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (Provider == DatabaseProviders.Sqlite) options.UseSqlite(ConnectionString, sql => sql.MigrationsAssembly("SumahoSupport.Migrations.Sqlite"));
        else options.UseNpgsql(ConnectionString, sql => sql.MigrationsAssembly("SumahoSupport.Migrations.PostgreSql"));
        return new AppDbContext(options.Options);
    }

    /// <summary>
    /// A city's coming schedule: <paramref name="sessions"/> classes over the next half year at a few venues, and
    /// <paramref name="bookings"/> residents spread over them. Returns the ids of the classes.
    /// </summary>
    public List<int> FillCatalog(int sessions, int bookings, int capacity)
    {
        var now = DateTime.UtcNow;
        var random = new Random(20261203);
        using var db = NewContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var venues = Enumerable.Range(1, 4).Select(i => new Venue { Name = $"第{i}公民館", Address = $"みどり市中央{i}-2-3", LoanerDevices = 6, Phone = "0120-000-101" }).ToList();
        var courses = Enumerable.Range(1, 6).Select(i => new Course
        {
            Code = $"bench-{i}", Title = $"スマホ教室 その{i}", Summary = "電源の入れ方から、LINEで写真を送るまで。", Topic = i % 2 == 0 ? "LINE・SNS" : "基本操作",
            DurationMinutes = 120, DefaultCapacity = capacity,
            LearningGoals = [new LearningGoal { Order = 1, Text = "電源を入れられる" }, new LearningGoal { Order = 2, Text = "写真を送れる" }],
        }).ToList();
        db.AddRange(venues);
        db.AddRange(courses);
        db.SaveChanges();
        var classes = new List<ClassSession>();
        for (var i = 0; i < sessions; i++)
        {
            var start = now.Date.AddDays(1 + random.Next(0, 180)).AddHours(1 + random.Next(0, 6));
            classes.Add(new ClassSession
            {
                CourseId = courses[i % courses.Count].Id, VenueId = venues[i % venues.Count].Id, StartsAtUtc = start, EndsAtUtc = start.AddHours(2),
                BookingClosesAtUtc = start.AddHours(-1), Capacity = capacity, LoanerDevices = 2, CreatedAtUtc = now,
            });
        }
        db.AddRange(classes);
        db.SaveChanges();
        db.ChangeTracker.Clear();

        for (var made = 0; made < bookings; made += 5_000)
        {
            for (var i = made; i < Math.Min(bookings, made + 5_000); i++)
            {
                var session = classes[i % classes.Count];
                var phone = $"0907{i:D7}";
                db.Bookings.Add(new Booking
                {
                    Code = $"B{i:D6}", ManageToken = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ClassSessionId = session.Id, PhoneKey = phone,
                    Participant = new Participant { Name = $"住民 {i}", Kana = "じゅうみん", Phone = phone, AgeBand = AgeBand.Seventies, Device = DeviceType.Android, CreatedAtUtc = now },
                    Status = BookingStatus.Confirmed, CreatedAtUtc = now, StatusChangedAtUtc = now,
                });
            }
            db.SaveChanges();
            db.ChangeTracker.Clear();
        }
        // The counter follows the bookings (the rule the app keeps).
        db.ClassSessions.ExecuteUpdate(s => s.SetProperty(x => x.Confirmed, x => db.Bookings.Count(b => b.ClassSessionId == x.Id && b.Status == BookingStatus.Confirmed)));
        return [.. classes.Select(c => c.Id)];
    }

    public void Dispose()
    {
        if (file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(path)) File.Delete(path);
        }
        if (serverDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("SUMAHO_POSTGRES"));
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{serverDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
