using SumahoSupport.Core.Classes;

namespace SumahoSupport.Tests.Classes;

/// <summary>Bookings of one class take turns in the app before they ask the database for the class row.</summary>
public sealed class SessionQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondBookingOfTheSameClass_WaitsUntilTheFirstIsDone()
    {
        var queue = new SessionQueue();
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
        var queue = new SessionQueue();
        await using var first = await queue.EnterAsync(1, Ct);
        var other = queue.EnterAsync(2, Ct);
        Assert.True(other.IsCompletedSuccessfully);
        await (await other).DisposeAsync();
    }

    [Fact]
    public async Task AResidentWhoGivesUpWhileWaiting_LeavesNoPlaceBehind()
    {
        var queue = new SessionQueue();
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
}
