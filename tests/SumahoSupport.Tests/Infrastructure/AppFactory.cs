using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh SQLite file of its own (migrations applied at start, demo seed loaded), with a
/// <see cref="FakeTimeProvider"/> that tests move forward instead of sleeping.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "sumaho-tests", Guid.NewGuid().ToString("N"));

    public AppFactory()
    {
        Directory.CreateDirectory(directory);
#if SQLSERVER
        SqlServerDatabase.Migrate(ConnectionString);
#endif
    }

#if SQLSERVER
    /// <summary>A database of its own on the server named by SUMAHO_SQLSERVER, migrated before the app starts.</summary>
    public string ConnectionString { get; } = SqlServerDatabase.NewConnectionString();

    private const string Provider = "SqlServer";
#else
    public string ConnectionString => $"Data Source={DatabasePath}";

    private const string Provider = "Sqlite";
#endif

    /// <summary>Starts at the real "now" so the demo schedule, made relative to today, looks as it does in use.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string DatabasePath => Path.Combine(directory, "sumaho.db");

    public string MailDirectory => Path.Combine(directory, "mail");

    protected virtual string EnvironmentName => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        // Tests move the clock and drive the senders themselves.
        builder.UseSetting("Mail:Dispatcher:Enabled", "false");
        builder.UseSetting("Mail:Reminder:Enabled", "false");
        // Every request of a test comes from one client; the per-client limits have tests of their own.
        builder.UseSetting("Limits:PublicPostsPerMinute", "1000000");
        builder.UseSetting("Limits:PublicPostsPerHour", "1000000");
        // Tests move the clock by days while staff stay signed in; the idle timeout has a test of its own.
        builder.UseSetting("Security:StaffIdleTimeoutMinutes", "1000000");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs <paramref name="work"/> against the app's own database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
#if SQLSERVER
        SqlServerDatabase.Drop(ConnectionString);
#endif
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing request; the temp folder is cleaned by the OS.
        }
    }
}
