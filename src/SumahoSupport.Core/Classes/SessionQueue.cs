using Microsoft.Extensions.Options;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Classes;

/// <summary>
/// Bookings of one class wait their turn here, in this app instance, before they open a transaction and ask for the class
/// row (<see cref="SessionRow"/>). The row lock alone keeps seats right — across instances too — but 500 residents
/// pressing 予約する at once would otherwise hold 500 database connections, each blocked on the same row, and exhaust
/// the connection pool; waiting here costs nothing. Bookings of different classes do not wait for each other
/// (docs/ARCHITECTURE.md, "Performance").
/// </summary>
/// <remarks>
/// On a server database a few bookings of a class are let in at once (<see cref="ServerTurns"/>): while one holds the row,
/// the next ones do the part of their transaction that needs no row (the phone's quota, the participant's record) and
/// then wait on the row in the database, so the row passes from one to the next without a round trip to this app
/// between. SQLite writes one transaction at a time anyway, so there one is let in.
/// </remarks>
public sealed class SessionQueue(IOptions<DatabaseOptions> database)
{
    /// <summary>Bookings of one class in their transaction at once, on PostgreSQL and SQL Server (measured: booking-storm).</summary>
    public const int ServerTurns = 4;

    private readonly Dictionary<int, Turnstile> turnstiles = [];
    private readonly int turns = database.Value.Provider == DatabaseProviders.Sqlite ? 1 : ServerTurns;

    /// <summary>Waits until fewer than the allowed number of bookings of <paramref name="sessionId"/> in this instance are in progress.</summary>
    public async Task<IAsyncDisposable> EnterAsync(int sessionId, CancellationToken ct)
    {
        Turnstile turnstile;
        lock (turnstiles)
        {
            if (!turnstiles.TryGetValue(sessionId, out turnstile!)) turnstiles[sessionId] = turnstile = new Turnstile(turns);
            turnstile.Users++;
        }
        try
        {
            await turnstile.Semaphore.WaitAsync(ct);
        }
        catch
        {
            Leave(sessionId, turnstile, entered: false);
            throw;
        }
        return new Turn(this, sessionId, turnstile);
    }

    /// <summary>How many classes have someone in or waiting (for tests: nothing is kept once they are done).</summary>
    public int Busy
    {
        get { lock (turnstiles) return turnstiles.Count; }
    }

    private void Leave(int sessionId, Turnstile turnstile, bool entered)
    {
        lock (turnstiles)
        {
            if (--turnstile.Users == 0) turnstiles.Remove(sessionId);
        }
        if (entered) turnstile.Semaphore.Release();
    }

    private sealed class Turnstile(int turns)
    {
        public SemaphoreSlim Semaphore { get; } = new(turns, turns);

        public int Users { get; set; }
    }

    private sealed class Turn(SessionQueue queue, int sessionId, Turnstile turnstile) : IAsyncDisposable
    {
        private int left;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref left, 1) == 0) queue.Leave(sessionId, turnstile, entered: true);
            return ValueTask.CompletedTask;
        }
    }
}
