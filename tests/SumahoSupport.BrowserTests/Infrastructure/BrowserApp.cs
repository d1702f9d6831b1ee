using Microsoft.Playwright;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a loopback port of its own) and Debian's Chromium driven by Playwright. Playwright cannot
/// download browsers here, so it launches /usr/bin/chromium (installed by test.sh).
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly AppFactory factory;
    private IPlaywright? playwright;

    public BrowserApp()
        : this(new AppFactory())
    {
    }

    protected BrowserApp(AppFactory factory) => this.factory = factory;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public AppFactory App => factory;

    public async ValueTask InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        BaseAddress = factory.ClientOptions.BaseAddress;

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page at a phone-like size, in Japanese, with CSP bypassed only so axe-core can be injected.</summary>
    public async Task<IPage> NewPageAsync(int width = 412, int height = 915)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = true,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await factory.DisposeAsync();
    }
}

/// <summary>The app sending its mail to a real SMTP server on loopback (aiosmtpd), for journeys that end in a mailbox.</summary>
public sealed class SmtpBrowserApp : BrowserApp
{
    public SmtpBrowserApp()
        : base(new SmtpAppFactory())
    {
    }

    public SmtpServerProcess Smtp => ((SmtpAppFactory)App).Smtp;
}

/// <summary>The app as a city runs it for the staff journeys: a cancel undone for five minutes, a sign-in of 30.</summary>
public sealed class StaffBrowserApp : BrowserApp
{
    public StaffBrowserApp()
        : base(new ConfiguredAppFactory("Development", new Dictionary<string, string> { ["Roster:UndoMinutes"] = "5", ["Security:StaffIdleTimeoutMinutes"] = "30" }))
    {
    }
}

/// <summary>The app with the city's LINE official account switched on, pushing to the LINE stand-in on loopback.</summary>
public sealed class LineBrowserApp : BrowserApp
{
    private static readonly LineStandIn StandIn = new();

    public LineBrowserApp()
        : base(new ConfiguredAppFactory("Development", new Dictionary<string, string>
        {
            ["Line:ChannelSecret"] = LineStandIn.Secret, ["Line:ChannelAccessToken"] = LineStandIn.Token, ["Line:ApiBaseUrl"] = StandIn.BaseUrl,
            ["Line:AddFriendUrl"] = "https://lin.ee/midori-test",
        }))
    {
    }

    public LineStandIn Line => StandIn;
}
