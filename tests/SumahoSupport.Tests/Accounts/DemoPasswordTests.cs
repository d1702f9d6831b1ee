using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Accounts;

/// <summary>The app as it runs in production: demo seeding off, published demo passwords refused.</summary>
public sealed class ProductionAppFactory : AppFactory
{
    protected override string EnvironmentName => "Production";

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", "false");
    }
}

public sealed class DemoPasswordTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Production_RefusesToSetAPublishedDemoPassword()
    {
        CreatedAccount? created = null;
        await app.WithScopeAsync(async s => created = await s.GetRequiredService<StaffAccountService>()
            .CreateAsync("staff@city.example", "職員", Roles.Coordinator, "Demo-Coordinator-2026"));
        Assert.False(created!.Succeeded);
        Assert.Contains("公開されているデモ用のパスワードは使えません。", created.Errors);
    }

    [Fact]
    public async Task Production_RefusesToSignInWithAPublishedDemoPassword()
    {
        using var response = await app.CreateBrowserLikeClient().SignInAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("デモ用のパスワードはこの環境では使えません", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_HasNoDemoAccountsOrClasses()
    {
        var (users, sessions, courses) = await app.WithDbAsync(async db =>
            (db.Users.Count(), db.ClassSessions.Count(), db.Courses.Count()));
        Assert.Equal(0, users);
        Assert.Equal(0, sessions);
        Assert.True(courses > 0, "the course catalogue is reference data and is loaded everywhere");
        await Task.CompletedTask;
    }
}

public sealed class DemoSeedGuardTests
{
    private sealed class ProductionWithDemoSeed : AppFactory
    {
        protected override string EnvironmentName => "Production";
    }

    [Fact]
    public void Production_WithSeedDemo_RefusesToStart()
    {
        using var app = new ProductionWithDemoSeed();
        var error = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("Seed:Demo は開発環境（Development）専用です", error.Message, StringComparison.Ordinal);
    }
}
