using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SumahoSupport.Core.Jobs;
using SumahoSupport.Core.Observability;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Jobs;

/// <summary>
/// The minute loop's jobs fail alone: a job that throws ahead of the others is logged, counted and shown as failing on
/// /healthz/ready (still 200), and the reminders, survey requests, certification and retention rule run the same pass.
/// </summary>
public sealed class MinuteJobsTests(MinuteJobsTests.BrokenJobFactory app) : IClassFixture<MinuteJobsTests.BrokenJobFactory>
{
    /// <summary>The app with one more job, first in the loop, that throws while <see cref="Broken"/> is set.</summary>
    public sealed class BrokenJobFactory : AppFactory
    {
        public const string Name = "broken-for-the-test";

        public volatile bool Broken = true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Insert(0, ServiceDescriptor.Singleton(new MinuteJob(Name, (_, _) =>
                Broken ? throw new InvalidOperationException("山田 花子 090-0000-0000") : Task.FromResult(0)))));
        }
    }

    [Fact]
    public async Task AFailingJob_StopsOnlyItself_AndReadinessSaysWhichAndWhen()
    {
        var failures = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AppMetrics.MeterName && instrument.Name == "sumaho.jobs.failed") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "job" && (string?)tag.Value == BrokenJobFactory.Name) Interlocked.Add(ref failures, (int)value);
        });
        listener.Start();

        await app.Services.GetRequiredService<MinuteJobs>().RunOnceAsync(default);

        var states = app.Services.GetRequiredService<JobHealth>().Snapshot();
        Assert.True(states[BrokenJobFactory.Name].Failing);
        foreach (var job in new[] { "reminders", "survey-requests", "certification", "retention" })
            Assert.False(states[job].Failing, job);
        // The retention rule, last in the loop, really ran: it claimed today's run.
        var today = JapaneseTime.TodayInTokyo(app.Clock);
        Assert.True(await app.WithDbAsync(db => db.JobRuns.AnyAsync(j => j.Name == "privacy-retention" && j.LastRunOn == today)));
        Assert.Equal(1, failures);

        var client = app.CreateClient();
        var jobs = await JobsEntryAsync(client);
        Assert.Equal("Degraded", jobs.GetProperty("status").GetString());
        Assert.Equal($"failing: {BrokenJobFactory.Name}", jobs.GetProperty("description").GetString());
        var broken = jobs.GetProperty("data").GetProperty(BrokenJobFactory.Name).GetString()!;
        Assert.StartsWith("never succeeded; last failed ", broken, StringComparison.Ordinal);
        Assert.EndsWith("(InvalidOperationException)", broken, StringComparison.Ordinal);
        Assert.DoesNotContain("090", broken, StringComparison.Ordinal); // an exception's message may hold a resident's data
        Assert.StartsWith("last succeeded ", jobs.GetProperty("data").GetProperty("retention").GetString(), StringComparison.Ordinal);

        // Mended, its next pass succeeds and the instance reads healthy again — even on a clock that has not moved.
        app.Broken = false;
        await app.Services.GetRequiredService<MinuteJobs>().RunOnceAsync(default);
        Assert.Equal("Healthy", (await JobsEntryAsync(client)).GetProperty("status").GetString());
        Assert.Equal(1, failures);

        // Broken again within the same instant: failing again, whatever the two times say.
        app.Broken = true;
        await app.Services.GetRequiredService<MinuteJobs>().RunOnceAsync(default);
        Assert.Equal("Degraded", (await JobsEntryAsync(client)).GetProperty("status").GetString());
        Assert.Equal(2, failures);
    }

    private static async Task<JsonElement> JobsEntryAsync(HttpClient client)
    {
        using var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        return JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "jobs").Clone();
    }
}
