using System.Diagnostics;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>Waits for something other threads or processes make true, checking often, never sleeping a fixed time.</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan patience, string whatFailed)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > patience) throw new TimeoutException(whatFailed);
            await Task.Delay(10);
        }
    }
}
