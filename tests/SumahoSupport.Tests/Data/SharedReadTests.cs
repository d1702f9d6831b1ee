using SumahoSupport.Core.Data;

namespace SumahoSupport.Tests.Data;

/// <summary>
/// Page views share reads of the catalog version, but none is answered from a read that began before it asked: that is
/// what keeps a cached class page from showing a seat count older than the booking a resident has just made.
/// </summary>
public sealed class SharedReadTests
{
    /// <summary>A read the test finishes by hand, counting how many were started.</summary>
    private sealed class Reads
    {
        private readonly List<TaskCompletionSource<int>> started = [];

        public int Count { get { lock (started) return started.Count; } }

        public Task<int> ReadAsync(CancellationToken _)
        {
            var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (started) started.Add(read);
            return read.Task;
        }

        public void Finish(int index, int value) { lock (started) started[index].SetResult(value); }

        public void Fail(int index) { lock (started) started[index].SetException(new InvalidOperationException("database went away")); }
    }

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_caller_who_asks_while_a_read_runs_waits_for_the_next_read()
    {
        var reads = new Reads();
        var shared = new SharedRead<int>(reads.ReadAsync);
        var first = shared.ReadAsync(None);
        var second = shared.ReadAsync(None);

        reads.Finish(0, 1);
        Assert.Equal(1, await first);
        await WaitUntil(() => reads.Count == 2);
        Assert.False(second.IsCompleted);
        reads.Finish(1, 2);
        Assert.Equal(2, await second);
    }

    [Fact]
    public async Task Everyone_who_queued_behind_one_read_shares_the_next()
    {
        var reads = new Reads();
        var shared = new SharedRead<int>(reads.ReadAsync);
        var first = shared.ReadAsync(None);
        var queued = Enumerable.Range(0, 50).Select(_ => shared.ReadAsync(None)).ToList();

        reads.Finish(0, 1);
        await WaitUntil(() => reads.Count == 2);
        reads.Finish(1, 2);
        Assert.All(await Task.WhenAll(queued), value => Assert.Equal(2, value));
        Assert.Equal(2, reads.Count);
        Assert.Equal(1, await first);
    }

    [Fact]
    public async Task A_failed_read_fails_its_callers_only_and_the_next_caller_reads_again()
    {
        var reads = new Reads();
        var shared = new SharedRead<int>(reads.ReadAsync);
        var failing = shared.ReadAsync(None);
        reads.Fail(0);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var next = shared.ReadAsync(None);
        Assert.Equal(2, reads.Count);
        reads.Finish(1, 7);
        Assert.Equal(7, await next);
    }

    [Fact]
    public async Task A_caller_who_gives_up_does_not_cancel_the_read_others_wait_for()
    {
        var reads = new Reads();
        var shared = new SharedRead<int>(reads.ReadAsync);
        using var leaving = new CancellationTokenSource();
        var gaveUp = shared.ReadAsync(leaving.Token);
        var staying = shared.ReadAsync(None);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        reads.Finish(0, 3);
        await WaitUntil(() => reads.Count == 2);
        reads.Finish(1, 4);
        Assert.Equal(4, await staying);
    }

    [Fact]
    public async Task A_read_that_completes_at_once_leaves_the_next_caller_free_to_read_at_once()
    {
        var count = 0;
        var shared = new SharedRead<int>(_ => Task.FromResult(Interlocked.Increment(ref count)));
        Assert.Equal(1, await shared.ReadAsync(None));
        Assert.Equal(2, await shared.ReadAsync(None));
        Assert.Equal(3, await shared.ReadAsync(None));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }
}
