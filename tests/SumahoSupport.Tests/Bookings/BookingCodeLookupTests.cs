using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Bookings;

/// <summary>
/// Every booking asks whether its new 予約番号 is used yet. The question must be a seek in each table's unique index: read
/// as "is it among all the codes there are", PostgreSQL hashed every code for every booking — a fifth of its time at 9:00,
/// and more each year a city keeps its bookings. SQLite's query plan says which it is (the query is the same expression on
/// every provider); not run on the server databases.
/// </summary>
[Trait("Provider", "SqliteOnly")]
public sealed class BookingCodeLookupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ANewCode_IsLookedUpInEachTablesIndex_NotAmongEveryCode()
    {
        var plan = await app.WithScopeAsync(async s =>
        {
            var recorder = new LastCommand();
            var options = new DbContextOptionsBuilder<AppDbContext>(s.GetRequiredService<DbContextOptions<AppDbContext>>())
                .AddInterceptors(recorder).Options;
            await using var db = new AppDbContext(options);
            await BookingCodes.NewUniqueAsync(db, TestContext.Current.CancellationToken);
            return await QueryPlanAsync(db, recorder.Command ?? throw new InvalidOperationException("No query ran."));
        });

        // One seek per table, by the code; no table or index read whole (the old plan: "SCAN b USING COVERING INDEX
        // IX_Bookings_Code", the same for consultations). The constant row is SELECT EXISTS's own.
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal) && step != "SCAN CONSTANT ROW");
        Assert.Equal(2, plan.Count(step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.EndsWith("(Code=?)", StringComparison.Ordinal)));
    }

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
