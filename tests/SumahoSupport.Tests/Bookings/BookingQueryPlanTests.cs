using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

/// <summary>
/// What every booking asks of the database must be a seek in an index, not a read of everything a city has booked, which
/// grows each year it keeps its bookings. SQLite's query plan says which it is (the query is the same expression on every
/// provider); not run on the server databases.
/// </summary>
[Trait("Provider", "SqliteOnly")]
public sealed class BookingQueryPlanTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// Whether the new 予約番号 is used yet: a seek in each table's unique index. Read as "is it among all the codes there
    /// are", PostgreSQL hashed every code for every booking — a fifth of its time at 9:00.
    /// </summary>
    [Fact]
    public async Task ANewCode_IsLookedUpInEachTablesIndex_NotAmongEveryCode()
    {
        var plan = await PlanOfLastQueryAsync((db, _) => BookingCodes.NewUniqueAsync(db, TestContext.Current.CancellationToken));

        // One seek per table, by the code; no table or index read whole (the old plan: "SCAN b USING COVERING INDEX
        // IX_Bookings_Code", the same for consultations). The constant row is SELECT EXISTS's own.
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal) && step != "SCAN CONSTANT ROW");
        Assert.Equal(2, plan.Count(step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.EndsWith("(Code=?)", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The places a phone number holds (<c>Limits:Phone</c>), counted for every web booking under the phone's lock: its
    /// bookings found by the number. Without an index that begins with it, the count read every active booking there is
    /// (PostgreSQL: looked for the number in each upcoming class) — its busiest statement at 9:00.
    /// </summary>
    [Fact]
    public async Task APhonesPlaces_AreFoundByTheNumber_NotClassByClass()
    {
        var plan = await PlanOfLastQueryAsync(async (db, services) =>
        {
            var ct = TestContext.Current.CancellationToken;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var quota = new PhoneQuota(db, services.GetRequiredService<IOptions<PhoneQuotaOptions>>(), services.GetRequiredService<TimeProvider>());
            await quota.AllowsAsync("09012345678", services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(7), ct);
        });

        // The old plan: "SCAN b USING INDEX IX_Bookings_OneActivePerPhone", every active booking.
        Assert.Contains(plan, step => step.StartsWith("SEARCH b USING INDEX", StringComparison.Ordinal) && step.Contains("(PhoneKey=?", StringComparison.Ordinal));
        // No table read whole; "u" is the union of class places and consultations that the count reads.
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal) && step != "SCAN u");
    }

    /// <summary>
    /// Every index of bookings that holds the phone number begins with it. PostgreSQL 15 can answer "this number" from an
    /// index whose first column is something else only by reading that whole index, and its planner does so when the index
    /// looks small — as the one-active-booking-per-phone index did in some 9:00 storms, where the phone's count then read
    /// every active booking of the city on every web booking (the storm's slow runs: a third more time per booking).
    /// SQLite's plan above cannot show this choice; the indexes can.
    /// </summary>
    [Fact]
    public Task EveryIndexHoldingThePhone_BeginsWithIt() => app.WithScopeAsync(services =>
    {
        var bookings = services.GetRequiredService<AppDbContext>().Model.FindEntityType(typeof(Booking))!;
        var holdingThePhone = bookings.GetIndexes().Where(index => index.Properties.Any(p => p.Name == nameof(Booking.PhoneKey))).ToList();

        Assert.NotEmpty(holdingThePhone);
        Assert.All(holdingThePhone, index => Assert.Equal(nameof(Booking.PhoneKey), index.Properties[0].Name));
        return Task.CompletedTask;
    });

    /// <summary>Runs <paramref name="query"/> on a context of the app's and returns the plan of the last query it sent.</summary>
    private Task<List<string>> PlanOfLastQueryAsync(Func<AppDbContext, IServiceProvider, Task> query) => app.WithScopeAsync(async services =>
    {
        var recorder = new LastCommand();
        var options = new DbContextOptionsBuilder<AppDbContext>(services.GetRequiredService<DbContextOptions<AppDbContext>>())
            .AddInterceptors(recorder).Options;
        await using var db = new AppDbContext(options);
        await query(db, services);
        return await QueryPlanAsync(db, recorder.Command ?? throw new InvalidOperationException("No query ran."));
    });

    /// <summary>SQLite's EXPLAIN QUERY PLAN of the command, with the parameters it ran with: one line per step.</summary>
    private static async Task<List<string>> QueryPlanAsync(AppDbContext db, (string Text, (string Name, object? Value)[] Parameters) command)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
        foreach (var (name, value) in command.Parameters)
        {
            var parameter = explain.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value ?? DBNull.Value);
            explain.Parameters.Add(parameter);
        }
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(reader.GetOrdinal("detail")));
        return steps;
    }

    private sealed class LastCommand : DbCommandInterceptor
    {
        public (string Text, (string Name, object? Value)[] Parameters)? Command { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Command = (command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray());
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
