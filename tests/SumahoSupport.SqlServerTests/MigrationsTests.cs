using Microsoft.EntityFrameworkCore;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests;

public sealed class MigrationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EveryMigration_AppliesToSqlServer_AndTheAppStartsOnIt()
    {
        _ = app.Server;
        var (applied, all) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.Equal(all, applied);
        Assert.True(await app.WithDbAsync(db => db.ClassSessions.AnyAsync()));
    }
}
