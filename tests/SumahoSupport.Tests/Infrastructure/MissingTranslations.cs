using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// Every Japanese phrase the app looks up while it writes English and finds no English for: pages, validation messages,
/// mail and invitations all look up through <see cref="IStringLocalizerFactory"/>, so one decorator sees them all.
/// </summary>
public sealed partial class MissingTranslations(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<string, byte> missing = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Phrases => [.. missing.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Fails with every phrase that had no English, so one run lists all that are left to translate.</summary>
    public void AssertNone() => Assert.True(missing.IsEmpty, "No English entry for: " + string.Join(" | ", Phrases));

    public IStringLocalizer Create(Type resourceSource) => new Recording(inner.Create(resourceSource), this);

    public IStringLocalizer Create(string baseName, string location) => new Recording(inner.Create(baseName, location), this);

    private LocalizedString Seen(LocalizedString text)
    {
        if (text.ResourceNotFound && Languages.IsEnglish && JapaneseLetters().IsMatch(text.Name)) missing.TryAdd(text.Name, 0);
        return text;
    }

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    public static partial Regex JapaneseLetters();

    private sealed class Recording(IStringLocalizer localizer, MissingTranslations record) : IStringLocalizer
    {
        public LocalizedString this[string name] => record.Seen(localizer[name]);

        public LocalizedString this[string name, params object[] arguments] => record.Seen(localizer[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => localizer.GetAllStrings(includeParentCultures);
    }
}

/// <summary>The app with <see cref="MissingTranslations"/> listening to every lookup.</summary>
public sealed class TranslationCheckingAppFactory : AppFactory
{
    public MissingTranslations Missing => Services.GetRequiredService<MissingTranslations>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(provider => new MissingTranslations(new ResourceManagerStringLocalizerFactory(
                provider.GetRequiredService<IOptions<LocalizationOptions>>(), provider.GetRequiredService<ILoggerFactory>())));
            services.AddSingleton<IStringLocalizerFactory>(provider => provider.GetRequiredService<MissingTranslations>());
        });
    }
}
