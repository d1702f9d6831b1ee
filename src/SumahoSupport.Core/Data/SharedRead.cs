namespace SumahoSupport.Core.Data;

/// <summary>
/// One database read shared by every caller who asks while it is queued, without ever answering from a read that began
/// before the caller asked: a caller who arrives while a read is running waits for the next one, which starts when the
/// running one ends and serves everyone who queued for it. So a thousand requests a second cost about one read per
/// round trip, and each still sees every change committed before it asked (docs/ARCHITECTURE.md, "Performance").
/// </summary>
public sealed class SharedRead<T>(Func<CancellationToken, Task<T>> read)
{
    private readonly Lock gate = new();
    private Task<T>? running;
    private Task<T>? queued;

    /// <summary>
    /// The value as read by a read that started no earlier than this call. A caller's cancellation stops its waiting,
    /// not the read others share.
    /// </summary>
    public Task<T> ReadAsync(CancellationToken ct)
    {
        Task<T> shared;
        lock (gate)
        {
            // A read that finished before it was even stored (it completed at once) is as good as none running.
            if (running is null || running.IsCompleted) shared = running = RunAsync();
            else shared = queued ??= AfterAsync(running);
        }
        return shared.WaitAsync(ct);
    }

    private async Task<T> RunAsync()
    {
        try
        {
            return await read(CancellationToken.None);
        }
        finally
        {
            // The queued read (if any) starts now; whoever arrives from here on queues behind it.
            lock (gate)
            {
                running = queued;
                queued = null;
            }
        }
    }

    private async Task<T> AfterAsync(Task<T> before)
    {
        // Its own answer (or failure) belongs to its own callers; this read only starts after it.
        await before.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return await RunAsync();
    }
}
