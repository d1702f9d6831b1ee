using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using SumahoSupport.Core;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Seeding;
using SumahoSupport.Core.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SumahoSupport.Web.Badges;
using SumahoSupport.Web.Security;
using SumahoSupport.Web.Validation;
using Microsoft.AspNetCore.Http.Features;

namespace SumahoSupport.Web.Hosting;

public static class WebHostingExtensions
{
    public static void AddSumahoSupport(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddFoundation(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddClassesAndBookings(builder.Configuration);
        services.AddConsultations();
        services.AddPrivacy(builder.Configuration);
        services.AddSurveys(builder.Configuration);
        services.AddSupporters(builder.Configuration);
        services.AddNotifications(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddHttpContextAccessor();
        var dataProtection = services.AddDataProtection().SetApplicationName("SumahoSupport").PersistKeysToDbContext<AppDbContext>();
        // The keys sign every sign-in cookie and form token and sit in the database; with a certificate they are stored
        // encrypted, so a copy of the database (a backup) cannot be used to forge a staff session (README, "Production").
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, builder.Configuration["DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        // Japanese text is written as characters, not as &#x...; entities (Razor still escapes <, >, & and quotes).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddScoped<IActor, HttpContextActor>();
        services.AddSingleton<ISiteLinks, SiteLinks>();
        services.AddScoped<Downloads.ReportDownloads>();

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                // Identity's lockout is per account only: five posts by anyone would keep a coordinator out. The app counts
                // per account and client (SignInThrottle, in AppSignInManager); an administrator's LockoutEnd still locks.
                options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider (same name): the app's clock, and each code good once.
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>()
            .AddPasswordValidator<DemoPasswordValidator>();
        services.AddSingleton<DemoPasswords>();
        // A year, as browsers' preload lists ask: once a city serves https, a browser never tries plain http again.
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddScoped<SignInTiming>();
        // Every request checks the account's security stamp (and that it may still sign in), so signing out, resting a
        // supporter or changing an account ends its sessions at once rather than within Identity's default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            // Identity checks only when the time since the cookie was issued is greater than this. The issued time keeps
            // whole seconds and two instances' clocks differ, so zero would skip the check within the second of signing in,
            // and on an instance whose clock is behind; no span is smaller than MinValue, so every request checks.
            options.ValidationInterval = TimeSpan.MinValue;
            // The principal is rebuilt from the database on each check; keep how the person signed in (amr=mfa).
            options.OnRefreshingPrincipal = refresh =>
            {
                var method = refresh.CurrentPrincipal?.FindAll(TwoFactorRequirementMiddleware.MethodClaim).ToList() ?? [];
                if (method.Count > 0 && refresh.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity) identity.AddClaims(method.Select(c => new System.Security.Claims.Claim(c.Type, c.Value)));
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        services.CheckSettings<SecurityOptions>((s, _) => [SettingsChecks.AtLeast("Security:StaffIdleTimeoutMinutes", s.StaffIdleTimeoutMinutes, 1)]);
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        // The password link mailed to an approved supporter; the mail says 3 days.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(3));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "sumaho.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.StaffIdleTimeoutMinutes);
            cookie.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder().AddAppPolicies();
        services.AddSingleton<IAuthorizationHandler, SignedInInTwoSteps>();

        services.AddRazorPages(options =>
            {
                // Fail closed: a page is for signed-in users unless its model says [AllowAnonymous].
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AuthorizeAreaFolder("Coordinator", "/", Policies.Staff);
                options.Conventions.AuthorizeAreaFolder("Supporter", "/", Policies.Supporter);
                options.Conventions.AuthorizeAreaFolder("Admin", "/", Policies.Admin);
            })
            .AddMvcOptions(options =>
            {
                options.ModelBinderProviders.Insert(0, new WidthInsensitiveBinderProvider());
                options.Filters.Add(new RefusedFormStatusFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedResource>>(
            (options, text) => ModelBindingMessages.Apply(options.ModelBindingMessageProvider, text));
        // Nothing a resident types is longer than a few hundred characters; refuse huge forms before binding them.
        services.Configure<FormOptions>(options =>
        {
            options.ValueLengthLimit = 16 * 1024;
            options.ValueCountLimit = 200;
            options.MultipartBodyLengthLimit = 1024 * 1024;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "sumaho.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddPublicFormRateLimits(builder.Configuration);

        services.AddHealth();
        services.AddOutputCache(options =>
        {
            // A class list is a few hundred kilobytes; a city's every filter combination fits easily.
            options.SizeLimit = 64 * 1024 * 1024;
            options.AddPolicy(CatalogCachePolicy.Name, new CatalogCachePolicy());
        });
        AppClockOutputCacheStore.Replace(services);
        services.AddTelemetry(builder.Configuration);
        services.AddReverseProxy(builder.Configuration);
    }

    /// <summary>
    /// Checks the mail templates and the privacy notice, migrates SQLite (or checks a server database is migrated) and loads the seed data — so a
    /// broken template or an old schema stops the app at start, not at the first resident's booking.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        // Every setting first: a mistyped one names its key before anything touches the database (migrations, seeding),
        // not after — the host would check them only when it starts serving.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        _ = app.Services.GetRequiredService<MailTemplates>();
        _ = app.Services.GetRequiredService<Core.Privacy.PrivacyNotice>();
        var seed = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SeedOptions>>().Value;
        if (seed.Demo && !app.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Seed:Demo は開発環境（Development）専用です。デモのパスワードは公開されているため、本番では使えません。");
        }
        await using var scope = app.Services.CreateAsyncScope();
        app.LogWhatWasChosen(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().EnsureReadyOnStartAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<SeedLoader>().SeedAsync(app.Lifetime.ApplicationStopping);
    }

    public static void UseSumahoSupport(this WebApplication app)
    {
        // Before anything reads the scheme or the client's address: only the configured proxies are believed.
        app.UseReverseProxy();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            // Redirects only where the app knows its https port (a direct https binding, or HttpsRedirection:HttpsPort);
            // behind a proxy the forwarded scheme is already https.
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        // Inside the status pages, so a busy or full database is answered by the 503 page in the reader's words.
        app.UseMiddleware<DatabaseFaultAnswer>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Japanese unless the reader chose English with the header's link (the browser's own language is not asked:
        // a city's site is Japanese first, and one address must show every reader the same page unless they choose).
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Languages.Japanese),
            SupportedCultures = [.. Languages.All],
            SupportedUICultures = [.. Languages.All],
            RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = LanguageChoice.CookieName }],
        });
        // Pages and downloads carry residents' data and manage links: nothing but the site's own assets may be cached.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorRequirementMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapBadges();
        app.MapProviderHooks();
        app.MapHealth();
        // Registers the routes with the link generator now rather than when the server starts, so seeding and the
        // start-up commands can build links (SiteLinks) before the first request. Mapping twice is ignored.
        app.UseEndpoints(_ => { });
    }
}
