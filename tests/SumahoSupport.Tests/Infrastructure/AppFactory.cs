using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh database of its own — a SQLite file, or a PostgreSQL or SQL Server database when the run
/// names one (<see cref="TestDatabases"/>) — with migrations applied and the demo seed loaded, and a
/// <see cref="FakeTimeProvider"/> that tests move forward instead of sleeping.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "sumaho-tests", Guid.NewGuid().ToString("N"));

    private readonly bool ownsDatabase;

    public AppFactory()
    {
        Directory.CreateDirectory(directory);
        ConnectionString = TestDatabases.IsServer ? TestDatabases.CreateServerDatabase() : $"Data Source={DatabasePath}";
        ownsDatabase = true;
    }

    /// <summary>The app on a database someone else created and will drop (several apps sharing one database).</summary>
    protected AppFactory(string connectionString)
    {
        Directory.CreateDirectory(directory);
        ConnectionString = connectionString;
    }

    /// <summary>The provider every app of this test run uses (<see cref="TestDatabases.Provider"/>).</summary>
    public static string Provider => TestDatabases.Provider;

    /// <summary>A SQLite file in a folder of its own, or a migrated database of its own on the test server.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts at the run's "now" (<see cref="TestClock"/>: <c>SUMAHO_TEST_NOW</c>, or the real time), so the demo schedule,
    /// made relative to today, looks as it does in use on that day.
    /// </summary>
    public FakeTimeProvider Clock => LazyInitializer.EnsureInitialized(ref clock, () => new FakeTimeProvider(ClockStart()));

    private FakeTimeProvider? clock;

    /// <summary>Where <see cref="Clock"/> starts; an app that prepares data for real app processes starts at the real time.</summary>
    protected virtual DateTimeOffset ClockStart() => TestClock.Start();

    public string DatabasePath => Path.Combine(directory, "sumaho.db");

    public string MailDirectory => Path.Combine(directory, "mail");

    protected virtual string EnvironmentName => "Development";

    protected virtual bool DemoActivity => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Seed:Demo", "true");
        // Tests make the classes, answers and consultation days they count; the demo's own past term has a test of its own.
        builder.UseSetting("Seed:DemoActivity", DemoActivity ? "true" : "false");
        // A staff cancel frees its seat at once here; the tests of 元に戻す set the undo time themselves.
        builder.UseSetting("Roster:UndoMinutes", "0");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        // The public address production insists on; in Development it may be anything.
        builder.UseSetting("Mail:PublicBaseUrl", "https://sumaho.midori.example.jp");
        // Tests move the clock and drive the senders themselves.
        builder.UseSetting("Mail:Dispatcher:Enabled", "false");
        builder.UseSetting("Mail:Reminder:Enabled", "false");
        // Every request of a test comes from one client; the per-client limits have tests of their own.
        builder.UseSetting("Limits:PublicPostsPerMinute", "1000000");
        builder.UseSetting("Limits:PublicPostsPerHour", "1000000");
        // Tests move the clock by days while staff stay signed in; the idle timeout has a test of its own.
        builder.UseSetting("Security:StaffIdleTimeoutMinutes", "1000000");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock).AddTransient<IStartupFilter, PeerAddress>());
    }

    /// <summary>
    /// The test server has no network: a request that carries this header comes from that address, set before the app's
    /// own pipeline as the socket's address would be. Without it, every request comes from no address (one client).
    /// </summary>
    public const string PeerHeader = "X-Test-Peer";

    /// <summary>A client as a browser is: cookies kept, redirects shown; from <paramref name="peer"/> when one is given.</summary>
    public HttpClient CreateBrowserLikeClient(string? peer = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (peer is not null) client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer)) context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(peer!);
                return following(context);
            });
            next(app);
        };
    }

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
        if (TestDatabases.IsServer && ownsDatabase) TestDatabases.DropServerDatabase(ConnectionString);
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
