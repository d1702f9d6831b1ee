using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Data;

/// <summary>
/// The mail sender is woken by a change that wrote mail, and only then: every wake is a query for due mail, and at 9:00
/// most bookings write none (a resident without e-mail), so waking it for each cost the app a twelfth of its time.
/// </summary>
public sealed class OutboxWakeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AChangeWithoutMail_DoesNotWakeTheSender()
    {
        var (work, signal, scope) = Unit();
        using (scope)
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await work.RunAsync(_ => audit.Record("test.no-mail", "Test", "1"), Ct);
            Assert.False(await signal.WaitAsync(TimeSpan.Zero, Ct));
        }
    }

    [Fact]
    public async Task AChangeThatWritesMail_WakesTheSender()
    {
        var (work, signal, scope) = Unit();
        using (scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await work.RunAsync(_ => db.OutboxMessages.Add(Sent("wake-" + Guid.NewGuid().ToString("N"))), Ct);
            Assert.True(await signal.WaitAsync(TimeSpan.Zero, Ct));
        }
    }

    [Fact]
    public async Task AResend_ASetBasedChangeOfMail_WakesTheSender()
    {
        var (work, signal, scope) = Unit();
        using (scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var messageId = "resend-" + Guid.NewGuid().ToString("N");
            await work.RunAsync(_ => db.OutboxMessages.Add(Sent(messageId)), Ct);
            Assert.True(await signal.WaitAsync(TimeSpan.Zero, Ct));
            db.ChangeTracker.Clear();

            await work.RunAsync(unit => unit.UpdateAsync(db.OutboxMessages.Where(m => m.MessageId == messageId), m => m.SetProperty(x => x.Attempts, 0), Ct), Ct);
            Assert.True(await signal.WaitAsync(TimeSpan.Zero, Ct));
        }
    }

    /// <summary>A unit of work of the real app's database with a signal of the test's own, which no sender waits on.</summary>
    private (UnitOfWork Work, OutboxSignal Signal, IServiceScope Scope) Unit()
    {
        var scope = app.Services.CreateScope();
        var signal = new OutboxSignal();
        var work = new UnitOfWork(scope.ServiceProvider.GetRequiredService<AppDbContext>(), signal,
            scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>());
        return (work, signal, scope);
    }

    // Already sent, so the app's own sender leaves it alone.
    private static OutboxMessage Sent(string messageId) => new()
    {
        Kind = "test", ToAddress = "wake@example.jp", ToName = "起こす", Title = "test", TextBody = "test", HtmlBody = "<p>test</p>",
        MessageId = messageId, Status = OutboxStatus.Sent, NextAttemptAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
