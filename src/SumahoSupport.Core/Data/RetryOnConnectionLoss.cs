using Microsoft.EntityFrameworkCore.Storage;

namespace SumahoSupport.Core.Data;

/// <summary>
/// The execution strategy on a server database: a read, or a whole <see cref="UnitOfWork"/>, that lost its connection
/// (the server restarted, failed over, or broke a deadlock) runs again on a new one, after 0, 1, 2, 2 seconds. A lock
/// that timed out is not retried: its answer is "busy", at once. EF refuses a transaction opened outside a strategy, so
/// with this on, a write that bypasses the unit of work fails in every test run on PostgreSQL.
/// </summary>
public sealed class RetryOnConnectionLoss(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2))
{
    protected override bool ShouldRetryOn(Exception exception) => DatabaseFaults.IsWorthRetrying(exception);
}
