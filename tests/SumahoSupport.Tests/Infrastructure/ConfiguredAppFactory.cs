namespace SumahoSupport.Tests.Infrastructure;

/// <summary>The app in <paramref name="environment"/> with some settings of a test's own (demo data only in Development).</summary>
public sealed class ConfiguredAppFactory(string environment, IReadOnlyDictionary<string, string> settings) : AppFactory
{
    protected override string EnvironmentName => environment;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", environment == "Development" ? "true" : "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
