using System.Text.RegularExpressions;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Hosting;

/// <summary>
/// The deployment files cannot be run here (no container engine), so they are kept in step with the app another way:
/// the example environment file is a configuration the app accepts in Production, and compose.yaml and the systemd unit
/// set only settings the app has.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static readonly string[] Sections =
    [
        "Database", "ConnectionStrings", "Mail", "City", "ReverseProxy", "Logging", "DataProtection", "Privacy", "OpenTelemetry",
        "Security", "Survey", "Supporters", "Limits", "Seed", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_CLI_TELEMETRY_OPTOUT",
    ];

    [Fact]
    public async Task TheExampleEnvironmentFile_IsAProductionConfigurationTheAppStartsWith()
    {
        var settings = EnvironmentFile(Path.Combine(Root, "deploy", "sumaho-support.env.example"))
            // The test's own database, and no certificate file on this machine (the certificate has a test of its own).
            .Where(s => !s.Key.StartsWith("Database:", StringComparison.Ordinal) && !s.Key.StartsWith("ConnectionStrings:", StringComparison.Ordinal)
                && !s.Key.StartsWith("DataProtection:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value);
        Assert.Contains("Mail:PublicBaseUrl", settings.Keys);
        using var app = new ConfiguredAppFactory("Production", settings);
        using var live = await app.CreateClient().GetAsync("/healthz/live");
        Assert.True(live.IsSuccessStatusCode);
    }

    [Theory]
    [InlineData("compose.yaml")]
    [InlineData("deploy/sumaho-support.env.example")]
    [InlineData("deploy/sumaho-support.service")]
    public void EverySettingTheFileSets_IsOneTheAppHas(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        var keys = SettingKey().Matches(text).Select(m => m.Groups["key"].Value).Distinct().ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(key.Split("__")[0], Sections));
    }

    private static IEnumerable<KeyValuePair<string, string>> EnvironmentFile(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).Select(p => KeyValuePair.Create(p[0].Replace("__", ":", StringComparison.Ordinal), p[1]));

    /// <summary>An environment variable name as the files set it: 「Mail__Smtp__Host: …」, 「Mail__From=…」, 「Environment=ASPNETCORE_URLS=…」.</summary>
    [GeneratedRegex(@"(?:^|\s|Environment=)(?<key>[A-Z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+|ASPNETCORE_[A-Z_]+|DOTNET_[A-Z_]+)\s*[:=]", RegexOptions.Multiline)]
    private static partial Regex SettingKey();
}
