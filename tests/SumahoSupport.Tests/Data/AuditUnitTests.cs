using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Data;

/// <summary>
/// The app on a database that, once <see cref="Refusing"/> is set (after the demo seed), refuses to write the audit entry
/// of a new course or a new class.
/// </summary>
public sealed class RefusedAuditAppFactory : AppFactory
{
    private static readonly string[] Refused = ["course.created", "session.created"];

    public bool Refusing { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(new RefuseAudit(this))));
    }

    private sealed class RefuseAudit(RefusedAuditAppFactory app) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            app.Refusing && eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && Refused.Contains(e.Entity.Action))
                ? throw new DbUpdateException("the audit entry could not be written")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>An audit entry commits with its change or not at all: a change the city cannot account for is not kept.</summary>
public sealed class AuditUnitTests : IClassFixture<RefusedAuditAppFactory>
{
    private readonly RefusedAuditAppFactory app;

    public AuditUnitTests(RefusedAuditAppFactory app)
    {
        this.app = app;
        _ = app.Server;
        app.Refusing = true;
    }

    [Fact]
    public async Task ANewCourse_WhoseAuditEntryFails_IsNotKept()
    {
        var draft = new CourseDraft("監査のない講座", "記録できなければ残らない", "基本操作", CourseLevel.Beginner, TargetOs.Any, 90, 8, null, ["電源を入れられる"], true);

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithScopeAsync(s => s.GetRequiredService<CourseService>().SaveAsync(null, draft, default)));

        Assert.False(await app.WithDbAsync(db => db.Courses.AnyAsync(c => c.Title == "監査のない講座")));
    }

    [Fact]
    public async Task ANewClass_WhoseAuditEntryFails_IsNotKept()
    {
        var before = await app.WithDbAsync(db => db.ClassSessions.CountAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => app.CreateSessionAsync(capacity: 8));

        Assert.Equal(before, await app.WithDbAsync(db => db.ClassSessions.CountAsync()));
    }
}
