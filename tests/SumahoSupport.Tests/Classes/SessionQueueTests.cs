using Microsoft.Extensions.Options;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Tests.Classes;

/// <summary>Bookings of one class take turns in the app before they ask the database for the class row.</summary>
public sealed class SessionQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondBookingOfTheSameClass_WaitsUntilTheFirstIsDone()
    {
        var queue = OneAtATime();
        var first = await queue.EnterAsync(1, Ct);
        // A turn that is free is given at once; one that is taken waits, so the task is still pending here.
        var second = queue.EnterAsync(1, Ct);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await (await second).DisposeAsync();
        Assert.Equal(0, queue.Busy);
    }

    [Fact]
    public async Task BookingsOfDifferentClasses_DoNotWaitForEachOther()
    {
        var queue = OneAtATime();
        await using var first = await queue.EnterAsync(1, Ct);
        var other = queue.EnterAsync(2, Ct);
        Assert.True(other.IsCompletedSuccessfully);
        await (await other).DisposeAsync();
    }

    [Fact]
    public async Task AResidentWhoGivesUpWhileWaiting_LeavesNoPlaceBehind()
    {
        var queue = OneAtATime();
        var first = await queue.EnterAsync(1, Ct);
        using var leaving = new CancellationTokenSource();
        var gaveUp = queue.EnterAsync(1, leaving.Token);
        var third = queue.EnterAsync(1, Ct);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);

        await first.DisposeAsync();
        var turn = await third.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await turn.DisposeAsync();
        await turn.DisposeAsync(); // a second disposal does not let two in later
        Assert.Equal(0, queue.Busy);
        await using var next = await queue.EnterAsync(1, Ct);
        Assert.False(queue.EnterAsync(1, Ct).IsCompleted);
    }

    [Fact]
    public async Task OnAServerDatabase_AFewBookingsOfAClassAreInAtOnce_AndTheNextWaits()
    {
        var queue = new SessionQueue(Options.Create(new DatabaseOptions { Provider = DatabaseProviders.PostgreSql }));
        var inside = new List<IAsyncDisposable>();
        for (var i = 0; i < SessionQueue.ServerTurns; i++)
        {
            var turn = queue.EnterAsync(1, Ct);
            Assert.True(turn.IsCompletedSuccessfully);
            inside.Add(await turn);
        }
        var next = queue.EnterAsync(1, Ct);
        Assert.False(next.IsCompleted);

        await inside[0].DisposeAsync();
        await (await next.WaitAsync(TimeSpan.FromSeconds(10), Ct)).DisposeAsync();
        foreach (var turn in inside.Skip(1)) await turn.DisposeAsync();
        Assert.Equal(0, queue.Busy);
    }

    // SQLite, the default: one booking of a class at a time.
    private static SessionQueue OneAtATime() => new(Options.Create(new DatabaseOptions()));
}
