namespace SumahoSupport.Core.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Load demo venues, classes, supporters and accounts. Development only.</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// With <see cref="Demo"/>: a past term of held classes and consultations (attendance, answers, 相談記録) and consultation
    /// days for the coming weeks, so a first start shows every page at work. Tests turn it off and make their own.
    /// </summary>
    public bool DemoActivity { get; set; } = true;

    /// <summary>Folder holding the seed JSON files; defaults to <c>seed/</c> beside the app.</summary>
    public string? Directory { get; set; }

    public string ResolveDirectory() => Directory ?? Path.Combine(AppContext.BaseDirectory, "seed");
}
