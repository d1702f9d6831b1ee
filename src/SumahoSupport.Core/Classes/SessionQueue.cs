namespace SumahoSupport.Core.Classes;

/// <summary>
/// Bookings of one class wait their turn here, in this app instance, before they open a transaction and ask for the class
/// row (<see cref="SessionRow"/>). The row lock alone keeps seats right — across instances too — but 500 residents
/// pressing 予約する at once would otherwise hold 500 database connections, each blocked on the same row, and exhaust
/// the connection pool; waiting here costs nothing. Bookings of different classes do not wait for each other
/// (docs/ARCHITECTURE.md, "Performance").
/// </summary>
public sealed class SessionQueue
{
    private readonly Dictionary<int, Turnstile> turnstiles = [];

    /// <summary>Waits until no other booking of <paramref name="sessionId"/> in this instance is in progress.</summary>
    public async Task<IAsyncDisposable> EnterAsync(int sessionId, CancellationToken ct)
    {
        Turnstile turnstile;
        lock (turnstiles)
        {
            if (!turnstiles.TryGetValue(sessionId, out turnstile!)) turnstiles[sessionId] = turnstile = new Turnstile();
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

    private sealed class Turnstile
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

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
