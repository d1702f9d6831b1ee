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
}
