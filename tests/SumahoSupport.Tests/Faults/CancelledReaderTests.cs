using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Faults;

/// <summary>
/// The app on a database whose class list is held behind a lock while <see cref="Held"/> is open — as a long table lock
/// (a migration, a stuck session) holds it: the reads wait until it is released or their reader gives up.
/// </summary>
public sealed class HeldClassListAppFactory : InterceptedAppFactory
{
    private TaskCompletionSource? held;
    private int waiting;

    public int Waiting => Volatile.Read(ref waiting);

    public void Hold() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => held?.TrySetResult();

    protected override IInterceptor Interceptor => new HeldRead(this);

    private sealed class HeldRead(HeldClassListAppFactory app) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (app.held is { } gate && command.CommandText.Contains("FROM \"ClassSessions\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref app.waiting);
                try
                {
                    await gate.Task.WaitAsync(cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref app.waiting);
                }
            }
            return result;
        }
    }
}

/// <summary>A reader who gives up while the page waits on the database must not hand the next reader a failure.</summary>
public sealed class CancelledReaderTests(HeldClassListAppFactory app) : IClassFixture<HeldClassListAppFactory>
{
    [Fact]
    public async Task AReaderWhoGivesUpDuringALongLock_LeavesTheNextReaderItsOwnPage()
    {
        var client = app.CreateClient();
        // A query no earlier reader cached, so both readers miss the cache and meet the lock.
        var address = $"/?probe={Guid.NewGuid():N}";
        app.Hold();
        try
        {
            using var givesUp = new CancellationTokenSource();
            var first = client.GetAsync(address, givesUp.Token);
            await Waiting.UntilAsync(() => app.Waiting == 1, TimeSpan.FromSeconds(30), "The first reader never reached the database.");
            var second = client.GetAsync(address);
            // The second reader is waiting too: on the lock itself, or behind the first reader's render.
            await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(300)));
            givesUp.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
            app.Release();

            using var answer = await second;
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        finally
        {
            app.Release();
        }
    }
}
