using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Npgsql;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Classes;

/// <summary>
/// A number that changes whenever anything the public class pages show changes — a seat taken or given back, a class
/// added, moved or called off, a course or venue edited — so a page cached under it is never stale: the writes move it
/// after they commit, before they answer, and a read after that answer gets the new number (docs/ARCHITECTURE.md,
/// "Performance"). On PostgreSQL and SQL Server it is a database sequence, shared by every instance and taken without
/// locks (so bookings of different classes do not queue on it); SQLite runs one instance, so a counter in memory is it.
/// It reads on its own pooled connection, not through a DbContext, because it is asked on every page view that the
/// cache answers and building a context would cost more than the page.
/// </summary>
public abstract class CatalogVersion
{
    public const string SequenceName = "CatalogVersion";

    /// <summary>
    /// After a committed change that the class pages show. Not cancellable: once the change has committed, a reader who
    /// hung up must not leave the cached pages showing what was before.
    /// </summary>
    public abstract Task ChangedAsync();

    /// <summary>The number now: never one read before this call began.</summary>
    public abstract Task<long> CurrentAsync(CancellationToken ct);

    public static CatalogVersion For(string provider, string connectionString, ILogger<CatalogVersion> logger) => provider switch
    {
        DatabaseProviders.Sqlite => new InProcess(),
        DatabaseProviders.PostgreSql => new Sequence(
            logger, () => new NpgsqlConnection(connectionString),
            next: $"SELECT nextval('\"{SequenceName}\"')",
            // A sequence's first value is also its start value, so "never taken" must read differently from "taken
            // once": PostgreSQL says so in is_called.
            current: $"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM \"{SequenceName}\""),
        DatabaseProviders.SqlServer => new Sequence(
            logger, () => new SqlConnection(connectionString),
            next: $"SELECT NEXT VALUE FOR [{SequenceName}]",
            // SQL Server leaves last_used_value null until the first value is taken.
            current: $"SELECT COALESCE(CAST(last_used_value AS bigint), 0) FROM sys.sequences WHERE name = '{SequenceName}'"),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>The number for SQLite, held by the one app instance that uses the file.</summary>
    private sealed class InProcess : CatalogVersion
    {
        private long value;

        public override Task ChangedAsync()
        {
            Interlocked.Increment(ref value);
            return Task.CompletedTask;
        }

        public override Task<long> CurrentAsync(CancellationToken ct) => Task.FromResult(Interlocked.Read(ref value));
    }

    /// <summary>The number as a database sequence; concurrent page views share one read (<see cref="SharedRead{T}"/>).</summary>
    private sealed class Sequence : CatalogVersion
    {
        private readonly ILogger logger;
        private readonly Func<DbConnection> connect;
        private readonly string next;
        private readonly SharedRead<long> current;

        public Sequence(ILogger logger, Func<DbConnection> connect, string next, string current)
        {
            this.logger = logger;
            this.connect = connect;
            this.next = next;
            this.current = new SharedRead<long>(ct => ScalarAsync(current, ct));
        }

        /// <summary>
        /// Called after a change committed, so it must not fail the request that made it: a resident whose booking is saved
        /// must never read "nothing was booked". A server that restarts meanwhile is asked again; if it still cannot be
        /// reached the version stays, and the cached pages are at most <c>CatalogCachePolicy.LongestKept</c> old.
        /// </summary>
        public override async Task ChangedAsync()
        {
            try
            {
                await ScalarAsync(next, CancellationToken.None);
            }
            catch (Exception e) when (DatabaseFaults.Classify(e) is not null)
            {
                logger.LogWarning("Catalog version not moved after a committed change ({Exception}); cached pages refresh within their longest life.", e.GetType().Name);
            }
        }

        public override Task<long> CurrentAsync(CancellationToken ct) => current.ReadAsync(ct);

        /// <summary>One statement on a connection of its own; a connection lost to a restart or fail-over is tried again.</summary>
        private async Task<long> ScalarAsync(string sql, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = connect();
                    await connection.OpenAsync(ct);
                    await using var command = connection.CreateCommand();
                    command.CommandText = sql;
                    return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (attempt < RetryDelays.Length + 1 && DatabaseFaults.IsWorthRetrying(e))
                {
                    await Task.Delay(RetryDelays[attempt - 1], ct);
                }
            }
        }

        private static readonly TimeSpan[] RetryDelays = [TimeSpan.Zero, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];
    }
}
