using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// How the app chooses its environment and address, and says what it chose. <c>dotnet run</c>'s launch profile sets only
/// <see cref="DefaultEnvironmentVariable"/>: a newcomer's first run is Development (demo data, port 5080), yet an
/// environment or address the person set themselves (<c>ASPNETCORE_ENVIRONMENT</c>, <c>--environment</c>,
/// <c>ASPNETCORE_URLS</c>, <c>--urls</c>) is never overridden, so exporting Production can no longer seed the demo accounts.
/// </summary>
public static class FirstStart
{
    public const string DefaultEnvironmentVariable = "SUMAHO_DEFAULT_ENVIRONMENT";

    /// <summary>Where Development listens unless told otherwise (README); other environments keep ASP.NET Core's default.</summary>
    public const string DevelopmentAddress = "http://localhost:5080";

    public static WebApplicationOptions Options(string[] args)
    {
        var chosen = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? args.FirstOrDefault(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
        return new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = chosen is null ? Environment.GetEnvironmentVariable(DefaultEnvironmentVariable) : null,
        };
    }

    /// <summary>Development's address, when no address was configured.</summary>
    public static void UseDevelopmentAddress(this WebApplicationBuilder builder)
    {
        var configured = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrEmpty(builder.Configuration[key]));
        if (builder.Environment.IsDevelopment() && !configured) builder.WebHost.UseUrls(DevelopmentAddress);
    }

    /// <summary>The environment, the database (never its password) and, once listening, the addresses: the first lines a city sees.</summary>
    public static void LogWhatWasChosen(this WebApplication app, AppDbContext db)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstStart).FullName!);
        var connection = db.Database.GetDbConnection();
        logger.LogInformation("Environment {Environment}; database {Provider} at {DataSource} ({Database}).",
            app.Environment.EnvironmentName, db.Database.ProviderName, connection.DataSource, connection.Database);
        app.Lifetime.ApplicationStarted.Register(() => logger.LogInformation("Listening on {Addresses}.", string.Join(", ", app.Urls)));
    }
}
