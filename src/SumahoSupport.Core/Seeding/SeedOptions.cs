namespace SumahoSupport.Core.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Load demo venues, classes, supporters and accounts. Development only.</summary>
    public bool Demo { get; set; }

    /// <summary>Folder holding the seed JSON files; defaults to <c>seed/</c> beside the app.</summary>
    public string? Directory { get; set; }

    public string ResolveDirectory() => Directory ?? Path.Combine(AppContext.BaseDirectory, "seed");
}
