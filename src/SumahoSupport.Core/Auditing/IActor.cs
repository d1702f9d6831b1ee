namespace SumahoSupport.Core.Auditing;

/// <summary>Who is acting in the current scope: the signed-in staff member, a resident, or the system.</summary>
public interface IActor
{
    string Name { get; }
}

/// <summary>Used outside a web request: start-up seeding, commands and background work.</summary>
public sealed class SystemActor : IActor
{
    public const string SystemName = "システム";

    public string Name => SystemName;
}
