using System.Globalization;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// Where every test clock starts: <c>SUMAHO_TEST_NOW</c> (ISO 8601 with an offset, e.g. <c>2026-12-05T05:00:00+09:00</c>)
/// when it is set, so a failure seen on one day can be replayed on any other and <c>test.sh</c> can sweep the dates
/// that matter (weekdays, midnight, the fiscal and calendar year, 29 February, holidays); otherwise the real time.
/// </summary>
public static class TestClock
{
    public const string Variable = "SUMAHO_TEST_NOW";

    /// <summary>The fixed start, or null for the real time; read once, so every app of a run starts from the same setting.</summary>
    public static DateTimeOffset? FixedStart { get; } = Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>
    /// The instant a new app's clock starts at: on a whole microsecond, so that a time written and read back is equal on
    /// every provider (PostgreSQL keeps microseconds, not .NET's 100 ns ticks).
    /// </summary>
    public static DateTimeOffset Start() => OnAWholeMicrosecond(FixedStart ?? DateTimeOffset.UtcNow);

    /// <summary>The real time whatever <c>SUMAHO_TEST_NOW</c> says: for data that app processes, on the real clock, will read.</summary>
    public static DateTimeOffset RealStart() => OnAWholeMicrosecond(DateTimeOffset.UtcNow);

    private static DateTimeOffset OnAWholeMicrosecond(DateTimeOffset start) => new(start.UtcTicks / 10 * 10, TimeSpan.Zero);

    /// <summary>What a run prints first, so its "now" can be given back to <c>SUMAHO_TEST_NOW</c> to replay it.</summary>
    public static string Describe() => FixedStart is { } start
        ? $"{Variable}={start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}"
        : $"{Variable} unset: the real time, from {DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}";

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // An offset is required: "10:00" means nothing until it says whose 10:00.
        if (!DateTimeOffset.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            throw new InvalidOperationException($"{Variable}='{text}' is not an ISO 8601 time with an offset, such as 2026-12-05T05:00:00+09:00.");
        return start;
    }
}
