using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SumahoSupport.Core;

/// <summary>
/// Settings checked when the app starts (<c>ValidateOnStart</c>): a city that mistypes a setting finds out from a message
/// naming the key, before a resident does — not from a mail with a localhost link or a report against the wrong target.
/// Each feature registers the checks of its own settings class next to its services.
/// </summary>
public static class SettingsChecks
{
    /// <summary>
    /// Checks <typeparamref name="TOptions"/> at start-up; <paramref name="problems"/> returns one Japanese message per
    /// mistake, each naming its key. The environment tells Development (where localhost is fine) from a city's servers.
    /// </summary>
    public static IServiceCollection CheckSettings<TOptions>(
        this IServiceCollection services, Func<TOptions, IHostEnvironment, IEnumerable<string?>> problems) where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(provider => new Check<TOptions>(problems, provider.GetRequiredService<IHostEnvironment>()));
        services.AddOptions<TOptions>().ValidateOnStart();
        return services;
    }

    /// <summary>A whole number setting within a range: the message names the key and the range.</summary>
    public static string? Between(string key, int value, int min, int max) =>
        value >= min && value <= max ? null : $"設定 {key} は {min}〜{max} にしてください（今: {value}）。";

    /// <summary>A whole number setting that must be at least <paramref name="min"/>.</summary>
    public static string? AtLeast(string key, int value, int min) =>
        value >= min ? null : $"設定 {key} は {min} 以上にしてください（今: {value}）。";

    private sealed class Check<TOptions>(Func<TOptions, IHostEnvironment, IEnumerable<string?>> problems, IHostEnvironment environment)
        : IValidateOptions<TOptions> where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var found = problems(options, environment).OfType<string>().ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
