using System.Diagnostics;

namespace SumahoSupport.Benchmarks.Scenarios;

/// <summary>What a load run measured: requests completed, failures, and each request's time.</summary>
internal sealed record LoadResult(int Requests, int Failures, TimeSpan Duration, double[] LatenciesMs)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}

/// <summary>
/// A closed loop: <c>connections</c> workers each send a request, wait for the whole answer, and send the next, for a
/// fixed time. Requests are bounded by that time; the same machine runs the app, so the figures that count are ratios
/// between requests measured in the same run.
/// </summary>
internal static class Load
{
    public static async Task<LoadResult> RunAsync(HttpClient client, Func<int, HttpRequestMessage> request, int connections, TimeSpan duration)
    {
        // Warm the path first (JIT, caches, connection pool), as a city's app is warm by 9:00.
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async i =>
        {
            for (var n = 0; n < 5; n++) using (var response = await client.SendAsync(request(i))) await response.Content.ReadAsByteArrayAsync();
        }));
        var latencies = new List<double>[connections];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var until = clock.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(16_384);
            while (clock.Elapsed < until)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request(worker));
                    // Read to the end without decoding: the client's own work should not be what is measured.
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadResult(all.Length, failures, clock.Elapsed, all);
    }
}

/// <summary>The Markdown table every scenario prints: one row per figure, with the machine it was measured on.</summary>
internal static class Report
{
    private static bool headerWritten;

    public static void Row(string scenario, string figure, string value, string goal = "", string context = "")
    {
        if (!headerWritten)
        {
            Console.WriteLine("| scenario | figure | value | goal | context |");
            Console.WriteLine("|---|---|---|---|---|");
            headerWritten = true;
        }
        Console.WriteLine($"| {scenario} | {figure} | {value} | {goal} | {context} |");
    }

    public static string Cores => $"{Environment.ProcessorCount} cores";

    public static string F(double value, string format = "0.0") => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
