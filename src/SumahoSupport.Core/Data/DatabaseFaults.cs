using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SumahoSupport.Core.Data;

/// <summary>What went wrong with the database, as a resident is told it.</summary>
public enum DatabaseFault
{
    /// <summary>A lock was not granted in time, or a deadlock was broken: the same request will likely go through.</summary>
    Busy,

    /// <summary>The server cannot be reached, is restarting, or refused the connection.</summary>
    Unavailable,

    /// <summary>The disk is full or the database refuses writes: nothing new can be saved until a person acts.</summary>
    Full,
}

/// <summary>
/// Sorts a database exception into what it means for the person waiting (docs/ARCHITECTURE.md, "Operations"): each of
/// these is answered with a plain "nothing was saved, please try again" page and 503, never a 500 — the change was one
/// transaction, so nothing half-done was kept. Exceptions that mean a bug are not sorted here and stay 500.
/// </summary>
public static class DatabaseFaults
{
    public static DatabaseFault? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var fault = e switch
            {
                PostgresException p => Postgres(p.SqlState),
                SqliteException s => Sqlite(s.SqliteErrorCode),
                SqlException s => SqlServer(s.Number),
                // Npgsql's own failures (a connection refused or cut) carry no SQLSTATE.
                NpgsqlException n when n.IsTransient => DatabaseFault.Unavailable,
                SocketException or TimeoutException => DatabaseFault.Unavailable,
                _ => (DatabaseFault?)null,
            };
            if (fault is not null) return fault;
        }
        return null;
    }

    /// <summary>Worth running the whole unit again on a new connection: the connection was lost, or the server broke a deadlock.</summary>
    public static bool IsWorthRetrying(Exception exception) =>
        Classify(exception) is DatabaseFault.Unavailable
        || exception is PostgresException { SqlState: "40P01" or "40001" }
        || exception is SqlException { Number: 1205 };

    private static DatabaseFault? Postgres(string state) => state switch
    {
        "55P03" or "40P01" or "40001" => DatabaseFault.Busy,           // lock_not_available, deadlock, serialization
        "53100" or "25006" => DatabaseFault.Full,                      // disk_full, read_only_sql_transaction
        "57P01" or "57P02" or "57P03" or "53300" => DatabaseFault.Unavailable, // shutting down, starting up, too many connections
        _ when state.StartsWith("08", StringComparison.Ordinal) => DatabaseFault.Unavailable, // connection exceptions
        _ => null,
    };

    // https://www.sqlite.org/rescode.html: primary codes.
    private static DatabaseFault? Sqlite(int code) => code switch
    {
        5 or 6 => DatabaseFault.Busy,                 // SQLITE_BUSY, SQLITE_LOCKED
        8 or 10 or 13 => DatabaseFault.Full,          // SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL
        14 => DatabaseFault.Unavailable,              // SQLITE_CANTOPEN
        _ => null,
    };

    private static DatabaseFault? SqlServer(int number) => number switch
    {
        1222 or 51222 or 1205 => DatabaseFault.Busy,  // lock request time out (ours from sp_getapplock), deadlock victim
        1105 or 9002 or 3906 => DatabaseFault.Full,   // filegroup full, log full, read-only database
        -2 or 53 or 233 or 10053 or 10054 or 10060 or 40613 or 4060 => DatabaseFault.Unavailable,
        _ => null,
    };
}
