namespace SumahoSupport.Core.Privacy;

/// <summary><c>Privacy:*</c> (README, "Configuration"): how long residents' personal details are kept.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// A resident's name, ふりがな, phone, e-mail and notes are erased this many months after their last class,
    /// consultation or follow-up ended. Thirteen covers a fiscal year's report and the month after it.
    /// </summary>
    public int RetentionMonths { get; set; } = 13;

    /// <summary>The file the city words its privacy notice (/Privacy) in; defaults to <c>templates/privacy.txt</c> beside the app.</summary>
    public string? NoticeFile { get; set; }

    public string ResolveNoticeFile() => NoticeFile ?? Path.Combine(AppContext.BaseDirectory, "templates", "privacy.txt");
}
