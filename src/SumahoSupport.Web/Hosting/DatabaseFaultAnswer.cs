using SumahoSupport.Core.Data;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// A database that is busy, restarting, or full is the reader's problem only as "nothing was saved, try again"
/// (docs/ARCHITECTURE.md, "Operations"): such a failure — after the unit of work's own retries — answers 503 with
/// Retry-After and the error page's plain words, never a 500 and a stack trace. Every write is one unit, so nothing
/// half-done was kept. Other exceptions are bugs and go on to the error handler as before.
/// </summary>
public sealed class DatabaseFaultAnswer(RequestDelegate next, ILogger<DatabaseFaultAnswer> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseFaults.Classify(e) is { } fault && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("Database {Fault} on {Method} {Path}: answered 503 ({Exception}).", fault, context.Request.Method, context.Request.Path, e.GetType().Name);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = fault == DatabaseFault.Full ? "60" : "5";
        }
    }
}
