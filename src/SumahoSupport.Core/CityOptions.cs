namespace SumahoSupport.Core;

/// <summary>The city running the service, shown in the header, the footer, mail and printouts (<c>City:*</c>).</summary>
public sealed class CityOptions
{
    public const string Section = "City";

    public string Name { get; set; } = "みどり市";

    /// <summary>The number residents call to book, cancel or ask for help — shown on every page.</summary>
    public string HelpPhone { get; set; } = "0120-000-000";

    public string HelpHours { get; set; } = "平日 9:00〜17:00";
}
