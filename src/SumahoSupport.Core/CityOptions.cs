namespace SumahoSupport.Core;

/// <summary>The city running the service, shown in the header, the footer, mail and printouts (<c>City:*</c>).</summary>
public sealed class CityOptions
{
    public const string Section = "City";

    public string Name { get; set; } = "みどり市";

    /// <summary>The number residents call to book, cancel or ask for help — shown on every page.</summary>
    public string HelpPhone { get; set; } = "0120-000-000";

    public string HelpHours { get; set; } = "平日 9:00〜17:00";

    /// <summary>The name and help-line hours for readers of English (<c>City:NameEn</c>, <c>City:HelpHoursEn</c>); empty: Japanese.</summary>
    public string? NameEn { get; set; } = "Midori City";

    public string? HelpHoursEn { get; set; } = "weekdays 9:00–17:00";

    /// <summary>全国地方公共団体コード, six digits with its check digit (<see cref="OpenData.MunicipalityCode"/>), for open data.</summary>
    public string? Code { get; set; }

    /// <summary>The name in the reader's language (<see cref="Text.Languages.Pick"/>).</summary>
    public string LocalName => Text.Languages.Pick(Name, NameEn);

    public string LocalHelpHours => Text.Languages.Pick(HelpHours, HelpHoursEn);
}
