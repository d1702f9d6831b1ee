namespace SumahoSupport.Core.Data;

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
    public const string PostgreSql = "PostgreSql";

    public static readonly IReadOnlyList<string> All = [Sqlite, PostgreSql, SqlServer];
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>
    /// How long a write waits for a row or named lock held by another (<see cref="LockTimeouts"/>): longer than any
    /// booking holds a class row, far shorter than a resident will wait for a page.
    /// </summary>
    public int LockTimeoutSeconds { get; set; } = 5;

    public TimeSpan LockTimeout => TimeSpan.FromSeconds(LockTimeoutSeconds);

    /// <summary>
    /// A SQLite file's disk with less free space than this makes the instance not ready: a full disk refuses every write,
    /// and a load balancer should stop sending residents to a site that cannot save their booking.
    /// </summary>
    public int MinFreeMegabytes { get; set; } = 64;
}
