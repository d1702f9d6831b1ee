using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SumahoSupport.Core.Data;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Faults;

/// <summary>
/// The app on a database whose disk is full while <see cref="DiskFull"/> is set: every INSERT fails with the provider's
/// own "disk full" error (SQLITE_FULL, PostgreSQL 53100), as a real full disk answers a write.
/// </summary>
public sealed class FullDiskAppFactory : InterceptedAppFactory
{
    public bool DiskFull { get; set; }

    protected override IInterceptor Interceptor => new FullDisk(this);

    private sealed class FullDisk(FullDiskAppFactory app) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            app.DiskFull && command.CommandText.Contains("INSERT INTO", StringComparison.Ordinal) ? throw Full() : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        private static Exception Full() => Provider == "Sqlite"
            ? new SqliteException("SQLite Error 13: 'database or disk is full'.", 13)
            : new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", "53100");
    }
}

/// <summary>What a resident meets when the database cannot save: a plain answer that nothing was booked, never a 500.</summary>
public sealed class DatabaseFaultTests(FullDiskAppFactory app) : IClassFixture<FullDiskAppFactory>
{
    [Fact]
    public async Task ABookingOnAFullDisk_Answers503InPlainWords_AndKeepsNothing()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var (client, fields) = await ResidentForms.PrepareBookingAsync(app.CreateClient(new() { AllowAutoRedirect = false }), session);
        var before = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.Confirmed).SingleAsync());

        app.DiskFull = true;
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync($"/Classes/{session}/Book?handler=Confirm", new FormUrlEncodedContent(fields));
        }
        finally
        {
            app.DiskFull = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("予約や変更はされていません", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"main a[href='/Classes/{session}/Book']"));
        Assert.False(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.PhoneKey == fields["Input.Phone"])));
        Assert.Equal(before, await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.Confirmed).SingleAsync()));
    }
}
